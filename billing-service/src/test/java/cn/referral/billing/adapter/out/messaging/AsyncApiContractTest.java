package cn.referral.billing.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Insurers read {@code asyncapi.yaml}: it must describe exactly what the wire records put on
 * {@code billing.decisions.v1}, and every {@code $ref} in it must resolve.
 */
class AsyncApiContractTest {

    private final Map<String, Object> document = load();

    @Test
    void isAnAsyncApi3DocumentForTheDecisionsTopic() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(map(document, "channels"), "billingDecisions").get("address")).isEqualTo(BillingTopics.DECISIONS);
        Map<String, Object> messages = map(map(document, "components"), "messages");
        assertThat(map(messages, "DeductibleDecisionIssued").get("name")).isEqualTo(BillingTopics.DECISION_ISSUED);
        assertThat(map(messages, "DeductibleDecisionRevoked").get("name")).isEqualTo(BillingTopics.DECISION_REVOKED);
    }

    @Test
    void theIssuedSchemaHasExactlyTheFieldsTheWireRecordSends() {
        assertThat(properties("DeductibleDecisionIssuedV1")).containsExactlyInAnyOrderElementsOf(fields(DecisionIssuedV1.class));
    }

    @Test
    void theRevokedSchemaHasExactlyTheFieldsTheWireRecordSends() {
        assertThat(properties("DeductibleDecisionRevokedV1")).containsExactlyInAnyOrderElementsOf(fields(DecisionRevokedV1.class));
    }

    @Test
    void theTransferFilingSchemasHaveExactlyTheFieldsTheWireRecordsSend() {
        Map<String, Object> messages = map(map(document, "components"), "messages");
        assertThat(map(messages, "TransferFilingRegistered").get("name")).isEqualTo(BillingTopics.FILING_REGISTERED);
        assertThat(map(messages, "TransferFilingRevoked").get("name")).isEqualTo(BillingTopics.FILING_REVOKED);
        assertThat(properties("TransferFiling2501V1")).containsExactlyInAnyOrderElementsOf(fields(TransferFiling2501V1.class));
        assertThat(properties("TransferFiling2502V1")).containsExactlyInAnyOrderElementsOf(fields(TransferFiling2502V1.class));
        for (String[] message : new String[][] {{"TransferFilingRegistered", "TransferFiling2501V1"},
                {"TransferFilingRevoked", "TransferFiling2502V1"}}) {
            List<?> examples = (List<?>) map(messages, message[0]).get("examples");
            assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(map(cast(example), "payload").keySet())
                    .containsExactlyInAnyOrderElementsOf(properties(message[1])));
        }
    }

    @Test
    void examplesCarryEveryFieldOfTheirSchema() {
        Map<String, Object> issued = map(map(map(document, "components"), "messages"), "DeductibleDecisionIssued");
        List<?> examples = (List<?>) issued.get("examples");
        assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(
                map(cast(example), "payload").keySet()).containsExactlyInAnyOrderElementsOf(fields(DecisionIssuedV1.class)));
    }

    @Test
    void everyReferenceResolves() {
        assertThat(references(document)).isNotEmpty().allSatisfy(reference -> {
            Object target = document;
            for (String part : reference.substring(2).split("/")) {
                target = cast(target).get(part);
            }
            assertThat(target).as(reference).isNotNull();
        });
    }

    private List<String> properties(String schema) {
        return List.copyOf(map(map(map(map(document, "components"), "schemas"), schema), "properties").keySet());
    }

    /** The JSON fields a wire record sends: its components, those of an {@code @JsonUnwrapped} one in their place. */
    @SuppressWarnings("unchecked")
    private static List<String> fields(Class<? extends Record> wireRecord) {
        return Arrays.stream(wireRecord.getRecordComponents())
                .flatMap(component -> component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                        ? fields((Class<? extends Record>) component.getType()).stream()
                        : Stream.of(component.getName()))
                .toList();
    }

    private static List<String> references(Object node) {
        if (node instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .flatMap(entry -> "$ref".equals(entry.getKey()) ? List.of((String) entry.getValue()).stream()
                            : references(entry.getValue()).stream())
                    .toList();
        }
        if (node instanceof List<?> list) {
            return list.stream().flatMap(item -> references(item).stream()).toList();
        }
        return List.of();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> load() {
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
