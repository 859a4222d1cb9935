package cn.referral.registry.domain;

import cn.referral.platform.domain.StaleVersion;

/**
 * A record of the registry that other services copy: an institution, alliance, catalog, contract or practitioner.
 * {@code version} grows by one with every change, so a reader can drop a stale snapshot and a
 * writer can say which version it changed ({@code If-Match}).
 *
 * @param <I> the type of its id ({@code InstitutionId}, {@code AllianceId}, ...), whose {@code toString()} is
 *            the plain id
 */
public interface RegistryRecord<I> {

    I id();

    long version();

    boolean active();

    /** What kind of record this is, as an answer names it: {@code Institution}, {@code Alliance}, ... */
    String what();

    /** Fails with {@link StaleVersion}, naming the record (what it is and its id), unless the caller saw the current version. */
    default void requireVersion(long expected) {
        if (expected != version()) {
            throw new StaleVersion(what(), id().toString(), expected, version());
        }
    }
}
