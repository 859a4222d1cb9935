package cn.referral.platform.outbox;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * "Events were just written to this collection": the signal that starts a relay pass at once
 * instead of at the next poll. At most one wake-up per collection is pending; more that arrive
 * meanwhile are absorbed by it (the pass they would start reads all waiting events anyway).
 */
public class OutboxWakeUps {

    private final Map<String, Sinks.Many<Boolean>> sinks = new ConcurrentHashMap<>();

    public OutboxWakeUps(Collection<String> collections) {
        collections.forEach(collection -> sinks.put(collection,
                Sinks.many().multicast().onBackpressureBuffer(1, false)));
    }

    /** Never blocks; a no-op for a collection without an outbox. */
    public void wake(String collection) {
        Sinks.Many<Boolean> sink = sinks.get(collection);
        if (sink != null) {
            // emissions must not overlap; a full buffer means a wake-up is already pending
            synchronized (sink) {
                sink.tryEmitNext(Boolean.TRUE);
            }
        }
    }

    public boolean watches(String collection) {
        return sinks.containsKey(collection);
    }

    /** The wake-ups of {@code collection}, for the relay's loop. */
    public Flux<Boolean> of(String collection) {
        Sinks.Many<Boolean> sink = sinks.get(collection);
        return sink == null ? Flux.empty() : sink.asFlux();
    }
}
