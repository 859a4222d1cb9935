package cn.referral.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The CloudEvents attributes of a consumed Kafka record, read from binary-mode headers.
 * Payload bytes are left to the consumer's own wire record (tolerant reader).
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String key,
                            Traceparent traceparent, byte[] payload) {

    /** Reads the CloudEvents headers of a message; fails with {@link MalformedEventException} if required ones are missing. */
    public static IncomingEvent from(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        String id = text(headers, CloudEventHeaders.ID)
                .orElseThrow(() -> new MalformedEventException("missing header " + CloudEventHeaders.ID));
        String type = text(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new MalformedEventException("missing header " + CloudEventHeaders.TYPE));
        Instant time = text(headers, CloudEventHeaders.TIME).map(IncomingEvent::parseTime).orElse(null);
        Traceparent traceparent = text(headers, CloudEventHeaders.TRACEPARENT).flatMap(Traceparent::parse)
                .orElseGet(Traceparent::newRoot);
        String key = text(headers, KafkaHeaders.RECEIVED_KEY).orElse(null);
        return new IncomingEvent(id, type, text(headers, CloudEventHeaders.SOURCE).orElse(null),
                text(headers, CloudEventHeaders.SUBJECT).orElse(key), time, key, traceparent, payloadOf(message));
    }

    public boolean isTombstone() {
        return payload == null || payload.length == 0;
    }

    private static byte[] payloadOf(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        // KafkaNull (a tombstone) or anything that is not a JSON body
        return null;
    }

    private static Instant parseTime(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new MalformedEventException("unreadable " + CloudEventHeaders.TIME + ": " + value);
        }
    }

    private static Optional<String> text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(value).map(Object::toString);
    }
}
