package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.policy.GreenChannel;
import cn.referral.quota.domain.policy.ReservePolicy;

/**
 * The condition under which the pool may take a new hold, as the domain decided it on the pool it
 * read. {@link #admits} is the rule; the store writes the hold only if the stored pool still meets
 * the same condition, field by field, in one guarded update (so the rule lives here once).
 *
 * @param referralId         the pool must not know this referral yet (never held, released or waiting there)
 * @param limit              how the reserve bounds the hold
 * @param reserveNotReleased the pool's reserve must not have gone public at the cutoff
 * @param openLimit          when not null, holds of referrals outside the reserve's priority group must stay
 *                           below this many ({@link ReservePolicy.ContractedFirst})
 */
public record HoldGuard(ReferralId referralId, Limit limit, boolean reserveNotReleased, Integer openLimit) {

    /** How the reserve bounds a hold. */
    public enum Limit {
        /** a green-channel hold: beyond the reserve ({@link GreenChannel}) */
        NONE,
        /** {@code held < reserved}: any reserved unit nobody holds, also one released to the public schedule */
        WITHIN_RESERVE,
        /** {@code held + releasedToPublic < reserved}: a reserved unit that has not gone public */
        WITHIN_UNRELEASED_RESERVE
    }

    /** Whether {@code pool}, as it is, may take the hold. */
    public boolean admits(PoolCounts pool) {
        if (pool.knows(referralId)) {
            return false;
        }
        if (reserveNotReleased && pool.reserveReleased()) {
            return false;
        }
        if (openLimit != null && pool.heldOpen() >= openLimit) {
            return false;
        }
        return switch (limit) {
            case NONE -> true;
            case WITHIN_RESERVE -> pool.held() < pool.reserved();
            case WITHIN_UNRELEASED_RESERVE -> pool.held() + pool.releasedToPublic() < pool.reserved();
        };
    }
}
