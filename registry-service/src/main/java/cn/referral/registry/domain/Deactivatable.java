package cn.referral.registry.domain;

import java.time.Instant;

/**
 * A record taken out of use the way institutions, alliances and catalogs are: deactivated (kept for history,
 * no longer used), or removed. A contract ends by {@code terminate} instead.
 *
 * @param <T> the record
 */
public interface Deactivatable<T extends RegistryRecord<?>> extends Removable<T> {

    /** Fails with a rule violation when the record is inactive already. */
    Outcome<T> deactivate(Instant now);
}
