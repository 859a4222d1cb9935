package cn.referral.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class IncomingEventTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsCloudEventsHeadersSentAsRawBytes() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{\"a\":1}"))
                .setHeader(CloudEventHeaders.ID, bytes("e-1"))
                .setHeader(CloudEventHeaders.TYPE, bytes("referral.accepted.v1"))
                .setHeader(CloudEventHeaders.SOURCE, bytes("/referral-service"))
                .setHeader(CloudEventHeaders.SUBJECT, bytes("ref-7"))
                .setHeader(CloudEventHeaders.TIME, bytes("2026-11-24T08:00:00Z"))
                .setHeader(CloudEventHeaders.TRACEPARENT, bytes(TRACEPARENT))
                .setHeader(KafkaHeaders.RECEIVED_KEY, bytes("ref-7"))
                .build();

        IncomingEvent event = IncomingEvent.from(message);

        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo("referral.accepted.v1");
        assertThat(event.source()).isEqualTo("/referral-service");
        assertThat(event.subject()).isEqualTo("ref-7");
        assertThat(event.key()).isEqualTo("ref-7");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(event.traceparent().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(new String(event.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(event.isTombstone()).isFalse();
    }

    @Test
    void readsHeadersAlreadyMappedToStrings() {
        Message<String> message = MessageBuilder.withPayload("{}")
                .setHeader(CloudEventHeaders.ID, "e-2")
                .setHeader(CloudEventHeaders.TYPE, "registry.institution.v1")
                .setHeader(KafkaHeaders.RECEIVED_KEY, "inst-1")
                .build();

        IncomingEvent event = IncomingEvent.from(message);

        assertThat(event.id()).isEqualTo("e-2");
        assertThat(event.type()).isEqualTo("registry.institution.v1");
        assertThat(event.subject()).as("the key stands in for a missing ce_subject").isEqualTo("inst-1");
        assertThat(event.payload()).isEqualTo(bytes("{}"));
        assertThat(event.traceparent()).as("a missing traceparent starts a new trace").isNotNull();
    }

    @Test
    void aMessageWithoutCeIdIsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}"))
                .setHeader(CloudEventHeaders.TYPE, bytes("referral.accepted.v1"))
                .build();

        assertMalformed(message, "ce_id");
    }

    @Test
    void aMessageWithoutCeTypeIsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}")).setHeader(CloudEventHeaders.ID, "e-3")
                .build();

        assertMalformed(message, "ce_type");
    }

    @Test
    void anUnreadableTimeIsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(bytes("{}")).setHeader(CloudEventHeaders.ID, "e-4")
                .setHeader(CloudEventHeaders.TYPE, "t.v1").setHeader(CloudEventHeaders.TIME, "yesterday").build();

        assertMalformed(message, "yesterday");
    }

    @Test
    void aKafkaNullPayloadIsATombstone() {
        Message<KafkaNull> message = MessageBuilder.withPayload(KafkaNull.INSTANCE)
                .setHeader(CloudEventHeaders.ID, "e-5")
                .setHeader(CloudEventHeaders.TYPE, "registry.institution.v1")
                .setHeader(KafkaHeaders.RECEIVED_KEY, bytes("inst-9"))
                .build();

        IncomingEvent event = IncomingEvent.from(message);

        assertThat(event.isTombstone()).isTrue();
        assertThat(event.payload()).isNull();
        assertThat(event.key()).isEqualTo("inst-9");
    }

    @Test
    void anEmptyBodyIsATombstone() {
        Message<byte[]> message = MessageBuilder.withPayload(new byte[0]).setHeader(CloudEventHeaders.ID, "e-6")
                .setHeader(CloudEventHeaders.TYPE, "registry.institution.v1").build();

        assertThat(IncomingEvent.from(message).isTombstone()).isTrue();
    }

    /** Reading the message is refused as malformed, the refusal naming {@code what}. */
    private static void assertMalformed(Message<?> message, String what) {
        assertThatThrownBy(() -> IncomingEvent.from(message))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(what);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
