package cn.referral.quota.domain.waitlist;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.PoolKey;

import java.time.Instant;
import java.util.Objects;

/**
 * A referral waiting for a unit of a full pool. Entries are served in {@link WaitlistOrder}: by
 * class, then by {@code seq}, the arrival number the pool gave the entry.
 *
 * @param waitlistClass the class decided when it joined, under the region policy of that moment (the pool
 *                      counts its waiting referrals by this class)
 * @param servedFirst the referral belongs to the group the reserve serves first ({@link ReservePolicy})
 */
public record WaitlistEntry(PoolId poolId, ReferralId referralId, Urgency urgency, boolean contracted,
                            WaitlistClass waitlistClass, boolean servedFirst, Instant acceptBy, Instant enqueuedAt, long seq) {

    public WaitlistEntry {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(waitlistClass, "waitlistClass");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    /** The request this entry stands for when a unit is handed to it. */
    public HoldRequest asRequest(PoolKey key) {
        return new HoldRequest(referralId, key.institutionId(), key.department(), key.resource(), urgency, contracted,
                servedFirst, key.date(), key.date(), acceptBy);
    }
}
