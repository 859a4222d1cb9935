package cn.referral.platform.events;

import java.time.Clock;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a service makes an event for its outbox: id, time and trace are filled in here,
 * the wire record is serialised to JSON once, and the result is stored with the aggregate.
 */
public class EventFactory {

    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<String> ids;

    public EventFactory(JsonMapper json, Clock clock, Supplier<String> ids) {
        this.json = json;
        this.clock = clock;
        this.ids = ids;
    }

    /** An event about aggregate {@code key}, carrying {@code payload} (a wire record) as JSON. */
    public Mono<OutboxEvent> event(String topic, String type, String key, Object payload) {
        return TraceContext.current().map(trace -> create(topic, type, key, payload, trace));
    }

    /** A tombstone: on a compacted topic it removes the key. */
    public Mono<OutboxEvent> tombstone(String topic, String type, String key) {
        return TraceContext.current().map(trace -> create(topic, type, key, null, trace));
    }

    private OutboxEvent create(String topic, String type, String key, Object payload, Traceparent trace) {
        String body = payload == null ? null : json.writeValueAsString(payload);
        return new OutboxEvent(ids.get(), topic, key, type, key, clock.instant(), body, trace.child().header());
    }
}
