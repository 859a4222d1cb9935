package cn.referral.billing.adapter.out.messaging;

import static cn.referral.platform.testing.AsyncApiDocument.at;
import static cn.referral.platform.testing.AsyncApiDocument.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.platform.events.published.BillingTopics;
import cn.referral.platform.testing.AsyncApiDocument;

/**
 * Insurers read {@code asyncapi.yaml}: it must describe exactly what the wire records put on
 * {@code billing.decisions.v1}, and every {@code $ref} in it must resolve.
 */
class AsyncApiContractTest {

    private final Map<String, Object> document = AsyncApiDocument.load().root();

    @Test
    void isAnAsyncApi3DocumentForTheDecisionsTopic() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(at(document, "channels", "billingDecisions").get("address")).isEqualTo(BillingTopics.DECISIONS);
        Map<String, Object> messages = at(document, "components", "messages");
        assertThat(at(messages, "DeductibleDecisionIssued").get("name")).isEqualTo(BillingTopics.DECISION_ISSUED);
        assertThat(at(messages, "DeductibleDecisionRevoked").get("name")).isEqualTo(BillingTopics.DECISION_REVOKED);
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
        Map<String, Object> messages = at(document, "components", "messages");
        assertThat(at(messages, "TransferFilingRegistered").get("name")).isEqualTo(BillingTopics.FILING_REGISTERED);
        assertThat(at(messages, "TransferFilingRevoked").get("name")).isEqualTo(BillingTopics.FILING_REVOKED);
        assertThat(properties("TransferFiling2501V1")).containsExactlyInAnyOrderElementsOf(fields(TransferFiling2501V1.class));
        assertThat(properties("TransferFiling2502V1")).containsExactlyInAnyOrderElementsOf(fields(TransferFiling2502V1.class));
        for (String[] message : new String[][] {{"TransferFilingRegistered", "TransferFiling2501V1"},
                {"TransferFilingRevoked", "TransferFiling2502V1"}}) {
            List<?> examples = (List<?>) at(messages, message[0]).get("examples");
            assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(at(example, "payload").keySet())
                    .containsExactlyInAnyOrderElementsOf(properties(message[1])));
        }
    }

    @Test
    void examplesCarryEveryFieldOfTheirSchema() {
        Map<String, Object> issued = at(document, "components", "messages", "DeductibleDecisionIssued");
        List<?> examples = (List<?>) issued.get("examples");
        assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(
                at(example, "payload").keySet()).containsExactlyInAnyOrderElementsOf(fields(DecisionIssuedV1.class)));
    }

    @Test
    void everyReferenceResolves() {
        assertThat(references(document)).isNotEmpty().allSatisfy(reference -> {
            Object target = document;
            for (String part : reference.substring(2).split("/")) {
                target = at(target).get(part);
            }
            assertThat(target).as(reference).isNotNull();
        });
    }

    private List<String> properties(String schema) {
        return List.copyOf(at(document, "components", "schemas", schema, "properties").keySet());
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
}
