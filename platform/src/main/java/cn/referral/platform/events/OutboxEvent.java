package cn.referral.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event waiting in an aggregate document's {@code outbox} array, written in the same atomic
 * update as the state that caused it. The relay turns it into one Kafka record with CloudEvents
 * headers; {@code eventId} becomes {@code ce_id}, the consumers' dedupe key.
 * <p>
 * The id is deliberately not called {@code id}: Spring Data MongoDB maps a property named
 * {@code id} to {@code _id} even inside an embedded document (and turns a hex string into an
 * ObjectId), so the relay would not find it under a stable name.
 *
 * @param eventId     unique event id (UUID), stored under that name
 * @param topic       Kafka topic
 * @param key         record key: the aggregate id, so one aggregate's events stay ordered
 * @param type        logical type with version, e.g. {@code referral.accepted.v1}
 * @param subject     the aggregate id ({@code ce_subject})
 * @param time        when it happened
 * @param payload     JSON body, or {@code null} for a tombstone on a compacted topic
 * @param traceparent W3C trace context of the request that caused it
 */
public record OutboxEvent(String eventId, String topic, String key, String type, String subject, Instant time,
                          String payload, String traceparent) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    public boolean isTombstone() {
        return payload == null;
    }
}
