package cn.referral.registry.domain;

import java.util.List;
import java.util.Objects;

/**
 * A registry record as it is after a change and the events the change caused: the one shape of a state
 * change in every service ({@code state}, {@code events}, {@code changed}). Each event carries the record
 * after the change, its version and when it happened; the messaging adapter announces it on the record's
 * compacted topic as the full snapshot, or as a tombstone for a {@link RegistryEvent.Withdrawal}.
 */
public record Outcome<T extends RegistryRecord<?>>(T state, List<RegistryEvent<T>> events) {

    public Outcome {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    public static <T extends RegistryRecord<?>> Outcome<T> of(T state, RegistryEvent<T> event) {
        return new Outcome<>(state, List.of(event));
    }

    /** Whether anything changed; every registry operation either changes its record or fails. */
    public boolean changed() {
        return !events.isEmpty();
    }

    /** Whether the change withdraws the record from every copy (it was registered in error). */
    public boolean withdrawsRecord() {
        return events.stream().anyMatch(RegistryEvent.Withdrawal.class::isInstance);
    }
}
