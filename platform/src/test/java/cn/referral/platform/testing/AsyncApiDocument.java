package cn.referral.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A service's {@code asyncapi.yaml} (on its test classpath) read as nested maps, for the contract tests that hold
 * it against the wire records the service sends.
 */
public final class AsyncApiDocument {

    private final Map<String, Object> root;

    private AsyncApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** {@code /asyncapi.yaml} of the classpath. */
    public static AsyncApiDocument load() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            return new AsyncApiDocument(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole document. */
    public Map<String, Object> root() {
        return root;
    }

    /** The object at this path of keys from the top, e.g. {@code at("components", "messages")}; fails if it is none. */
    public Map<String, Object> at(String... path) {
        return at(root, path);
    }

    /** The object at this path of keys below {@code node}; fails if it is none. */
    public static Map<String, Object> at(Object node, String... path) {
        Map<String, Object> current = cast(node);
        for (String key : path) {
            current = cast(current.get(key));
        }
        return current;
    }

    /** The JSON fields a wire record sends: its components, those of an {@code @JsonUnwrapped} one in their place. */
    @SuppressWarnings("unchecked")
    public static List<String> fields(Class<? extends Record> wireRecord) {
        return Arrays.stream(wireRecord.getRecordComponents())
                .flatMap(component -> component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                        ? fields((Class<? extends Record>) component.getType()).stream()
                        : Stream.of(component.getName()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
