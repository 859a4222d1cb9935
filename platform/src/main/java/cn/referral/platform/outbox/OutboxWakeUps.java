package cn.referral.platform.outbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * "Events were just written to this document": the signal that starts a relay pass at once instead
 * of at the next poll, naming the documents to look at, so the pass claims them by {@code _id}
 * rather than searching the collection. A write whose document the listener cannot name wakes a
 * pass over the whole collection. At most one wake-up per collection is pending; the documents of
 * the ones that arrive meanwhile are collected for it.
 */
public class OutboxWakeUps {

    /** What a pass should look at: every waiting document, or only these. */
    public record Pending(boolean everything, Set<Object> documents) {

        static final Pending NOTHING = new Pending(false, Set.of());

        public boolean isEmpty() {
            return !everything && documents.isEmpty();
        }
    }

    private static final class Waiting {

        private final Sinks.Many<Boolean> signal = Sinks.many().multicast().onBackpressureBuffer(1, false);
        private Set<Object> documents = new HashSet<>();
        private boolean everything;

        synchronized void add(Object documentId) {
            if (documentId == null) {
                everything = true;
            } else {
                documents.add(documentId);
            }
            // a full buffer means a wake-up is already pending: it will take this document too
            signal.tryEmitNext(Boolean.TRUE);
        }

        synchronized Pending take() {
            Pending pending = everything || !documents.isEmpty() ? new Pending(everything, Set.copyOf(documents))
                    : Pending.NOTHING;
            documents = new HashSet<>();
            everything = false;
            return pending;
        }
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public OutboxWakeUps(Collection<String> collections) {
        collections.forEach(collection -> waiting.put(collection, new Waiting()));
    }

    /** Never blocks; a no-op for a collection without an outbox. */
    public void wake(String collection) {
        wake(collection, null);
    }

    /** Events were appended to {@code documentId} of {@code collection} (null: to some document of it). */
    public void wake(String collection, Object documentId) {
        Waiting entry = waiting.get(collection);
        if (entry != null) {
            entry.add(documentId);
        }
    }

    public boolean watches(String collection) {
        return waiting.containsKey(collection);
    }

    /** The wake-up signals of {@code collection}, for the relay's loop; {@link #take} says what they were for. */
    public Flux<Boolean> of(String collection) {
        Waiting entry = waiting.get(collection);
        return entry == null ? Flux.empty() : entry.signal.asFlux();
    }

    /** What was woken for since the last call, and forgets it. */
    public Pending take(String collection) {
        Waiting entry = waiting.get(collection);
        return entry == null ? Pending.NOTHING : entry.take();
    }
}
