package cn.referral.referral.domain.referral;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;

import java.time.LocalDate;
import java.util.Objects;

/** A unit quota-service holds for a referral. */
public record SlotHold(HoldId holdId, PoolId poolId, LocalDate date, String session, boolean greenChannel) {

    public SlotHold {
        Objects.requireNonNull(holdId, "holdId");
    }
}
