package cn.referral.quota.domain.policy;

import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.HoldGuard;
import cn.referral.quota.domain.pool.PoolCounts;

import java.time.Instant;

/**
 * What the cutoff changes for a referral. Before it, every referral may hold a free reserved unit.
 * After it, the reserved units nobody held are on the public schedule, but those nobody booked stay
 * available to URGENT and EMERGENCY referrals until the session starts (Asia/Shanghai): the reserve
 * serves referrals first (seed 002: "预留20%以上的资源优先保障患者转诊"; seed 001: "优先接诊、优先检查、优先住院"),
 * and no seed sentence refuses an urgent referral a unit nobody took. A ROUTINE referral after the
 * cutoff is told so, with the cutoff, the session start and whether the reserve has been handed out yet.
 */
public final class ReserveAfterCutoff {

    private ReserveAfterCutoff() {
    }

    /** Whether a referral of this urgency may still hold a reserved unit of a pool whose cutoff has come. */
    public static boolean mayHoldAfterCutoff(Urgency urgency) {
        return switch (urgency) {
            case URGENT, EMERGENCY -> true;
            case ROUTINE -> false;
        };
    }

    /** Whether the referral may hold a unit of this pool at {@code now}, and how the reserve bounds it. */
    public static HoldGuard.Limit limitFor(Urgency urgency, boolean cutoffDue) {
        if (!cutoffDue) {
            return HoldGuard.Limit.WITHIN_UNRELEASED_RESERVE;
        }
        return mayHoldAfterCutoff(urgency) ? HoldGuard.Limit.WITHIN_RESERVE : null;
    }

    /** The truthful answer to a ROUTINE referral whose only matching pools are past their cutoff. */
    public static QuotaEvent.Unavailable refusal(ReferralId referralId, PoolCounts earliest, Instant cutoff,
                                                 Instant now) {
        boolean handedOut = earliest.reserveReleased();
        String reason = handedOut ? QuotaEvent.Unavailable.RESERVE_RELEASED
                : QuotaEvent.Unavailable.RESERVE_CUTOFF_PASSED;
        String explanation = "The reserve cutoff of pool " + earliest.id() + " was " + cutoff
                + (handedOut ? "; its unheld reserved units went to the public schedule at " + earliest.reserveReleasedAt()
                        : "; its unheld reserved units are being handed to the public schedule")
                + ". Until the session starts at " + earliest.sessionStartsAt()
                + " only URGENT and EMERGENCY referrals can still hold a reserved unit nobody booked.";
        return new QuotaEvent.Unavailable(referralId, reason, explanation, now);
    }
}
