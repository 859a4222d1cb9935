package cn.referral.quota.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/** asyncapi.yaml describes each message quota-service publishes with exactly the fields its wire record carries. */
class AsyncApiContractTest {

    @Test
    void everyPublishedMessageIsDocumentedWithThePayloadItsWireRecordCarries() throws IOException {
        Map<String, Object> document;
        try (InputStream in = new ClassPathResource("asyncapi.yaml").getInputStream()) {
            document = new Yaml().load(in);
        }
        Map<String, Object> messages = map(map(document, "components"), "messages");
        Map<String, Class<? extends Record>> wireRecords = Map.of(
                "SlotHeld", QuotaWireRecords.SlotHeldV1.class,
                "Waitlisted", QuotaWireRecords.WaitlistedV1.class,
                "Unavailable", QuotaWireRecords.UnavailableV1.class,
                "SlotConfirmed", QuotaWireRecords.SlotConfirmedV1.class,
                "SlotReleased", QuotaWireRecords.SlotReleasedV1.class,
                "ReserveReleased", QuotaWireRecords.ReserveReleasedV1.class);
        wireRecords.forEach((message, wire) -> assertThat(map(map(map(messages, message), "payload"), "properties")
                .keySet()).as(message).containsExactlyInAnyOrderElementsOf(Arrays.stream(wire.getRecordComponents())
                .map(RecordComponent::getName).toList()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
