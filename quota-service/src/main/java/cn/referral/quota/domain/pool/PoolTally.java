package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A pool as a placement reads it: identity, reserve and counters, without its holds. It knows only
 * the referrals it was read for: {@code knownReferrals} are those of them the pool has held or
 * released. The new-hold rule ({@link PoolCounts}) decides on it as on a whole {@link Pool}; the
 * store writes the hold under the rule's own guard, so a tally that is stale by then costs a retry,
 * never an overbooking.
 *
 * @param held            reserved units held (held or confirmed), green channel not included
 * @param heldOpen        of those, held by referrals outside the reserve's priority group
 * @param knownReferrals  of the referrals the tally was read for, those the pool has held or released
 */
public record PoolTally(PoolId id, PoolKey key, int reserved, Instant sessionStartsAt, int held, int heldOpen,
                        Instant reserveReleasedAt, int releasedToPublic, Set<ReferralId> knownReferrals)
        implements PoolCounts {

    public PoolTally {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sessionStartsAt, "sessionStartsAt");
        knownReferrals = Set.copyOf(knownReferrals);
    }

    @Override
    public boolean knows(ReferralId referralId) {
        return knownReferrals.contains(referralId);
    }
}
