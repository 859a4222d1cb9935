package cn.referral.registry.domain;

import java.util.Objects;

/**
 * A registry record as it is after a change ({@code state}, as in every service's {@code Outcome}) and
 * what happened to it. The registry has no domain events of its own: other services keep a copy of
 * every record, so each change is announced as the record's full snapshot, a removal as its withdrawal
 * (a tombstone on the compacted topic), which is what {@code kind} decides.
 */
public record Outcome<T extends RegistryRecord>(T state, Kind kind) {

    public enum Kind {
        REGISTERED, REVISED, DEACTIVATED, REMOVED
    }

    public Outcome {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(kind, "kind");
    }

    public static <T extends RegistryRecord> Outcome<T> registered(T record) {
        return new Outcome<>(record, Kind.REGISTERED);
    }

    public boolean isRemoval() {
        return kind == Kind.REMOVED;
    }
}
