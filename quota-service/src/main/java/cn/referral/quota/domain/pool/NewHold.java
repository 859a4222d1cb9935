package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.PoolId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.waitlist.WaitlistClass;

import java.util.List;
import java.util.Objects;

/**
 * A hold a pool decided to take ({@link PoolCounts}), the guard the store must write it under (the
 * decision's own condition, so the rule is not repeated in the store) and the event it causes.
 *
 * @param fromWaitlist the class of the waitlist entry it was handed to (the pool counts waiting referrals
 *                     per class), or null
 */
public record NewHold(PoolId poolId, Hold hold, HoldGuard guard, WaitlistClass fromWaitlist,
                      QuotaEvent.SlotHeld event) {

    public NewHold {
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(event, "event");
    }

    public List<QuotaEvent> events() {
        return List.of(event);
    }
}
