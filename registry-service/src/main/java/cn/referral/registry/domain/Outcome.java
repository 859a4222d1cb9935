package cn.referral.registry.domain;

import java.util.Objects;

/**
 * What happened to a registry record, and the record as it is afterwards. Other services keep a
 * copy of every record: each change is announced as the record's full snapshot, a removal as its
 * withdrawal (a tombstone on the compacted topic).
 */
public record Change<T extends RegistryRecord>(T after, Kind kind) {

    public enum Kind {
        REGISTERED, REVISED, DEACTIVATED, REMOVED
    }

    public Change {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(kind, "kind");
    }

    public static <T extends RegistryRecord> Change<T> registered(T record) {
        return new Change<>(record, Kind.REGISTERED);
    }

    public boolean isRemoval() {
        return kind == Kind.REMOVED;
    }
}
