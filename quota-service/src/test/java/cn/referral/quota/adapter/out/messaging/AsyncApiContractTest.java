package cn.referral.quota.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.platform.testing.AsyncApiDocument;

/** asyncapi.yaml describes each message quota-service publishes with exactly the fields its wire record carries. */
class AsyncApiContractTest {

    @Test
    void everyPublishedMessageIsDocumentedWithThePayloadItsWireRecordCarries() {
        Map<String, Object> messages = AsyncApiDocument.load().at("components", "messages");
        Map<String, Class<? extends Record>> wireRecords = Map.of(
                "SlotHeld", QuotaWireRecords.SlotHeldV1.class,
                "Waitlisted", QuotaWireRecords.WaitlistedV1.class,
                "Unavailable", QuotaWireRecords.UnavailableV1.class,
                "SlotConfirmed", QuotaWireRecords.SlotConfirmedV1.class,
                "SlotReleased", QuotaWireRecords.SlotReleasedV1.class,
                "ReserveReleased", QuotaWireRecords.ReserveReleasedV1.class);
        wireRecords.forEach((message, wire) -> assertThat(
                AsyncApiDocument.at(messages, message, "payload", "properties").keySet()).as(message)
                .containsExactlyInAnyOrderElementsOf(AsyncApiDocument.fields(wire)));
    }
}
