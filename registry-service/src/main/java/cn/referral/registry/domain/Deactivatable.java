package cn.referral.registry.domain;

import java.time.Instant;

/**
 * A record taken out of use the way institutions, alliances, catalogs and practitioners are: deactivated (kept for
 * history, no longer used), or removed. A contract ends by {@code terminate} instead.
 *
 * @param <I> the type of its id
 * @param <T> the record
 */
public interface Deactivatable<I, T extends RegistryRecord<?>> extends Removable<I, T> {

    /** Fails with a rule violation ({@code <kind>-inactive}) when the record is inactive already. */
    default Outcome<T> deactivate(Instant now) {
        return lifecycle().ended(this, now);
    }
}
