package cn.referral.referral.domain.referral;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;

import java.time.Instant;
import java.time.LocalDate;

/** The slot quota-service holds (or not) for the referral, as the desk sees it. */
public record SlotStatus(QuotaState state, HoldId holdId, PoolId poolId, LocalDate date, String session,
                         boolean greenChannel, Integer waitlistPosition, String reason, Instant updatedAt) {

    public static SlotStatus pending() {
        return new SlotStatus(QuotaState.PENDING, null, null, null, null, false, null, null, null);
    }

    public static SlotStatus held(SlotHold hold, Instant now) {
        return new SlotStatus(QuotaState.HELD, hold.holdId(), hold.poolId(), hold.date(), hold.session(),
                hold.greenChannel(), null, null, now);
    }

    SlotStatus with(QuotaState newState, String newReason, Instant now) {
        return new SlotStatus(newState, holdId, poolId, date, session, greenChannel, waitlistPosition, newReason, now);
    }
}
