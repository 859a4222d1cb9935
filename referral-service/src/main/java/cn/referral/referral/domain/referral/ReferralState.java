package cn.referral.referral.domain.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral is: {@code SUBMITTED → SLOT_HELD | WAITLISTED → ACCEPTED → ARRIVED → COMPLETED},
 * with the side exits REJECTED, CANCELLED, EXPIRED and NO_SHOW.
 */
public enum ReferralState {
    SUBMITTED, SLOT_HELD, WAITLISTED, ACCEPTED, ARRIVED, COMPLETED, REJECTED, CANCELLED, EXPIRED, NO_SHOW;

    private static final Set<ReferralState> AWAITING_ACCEPTANCE = EnumSet.of(SUBMITTED, SLOT_HELD, WAITLISTED);
    private static final Set<ReferralState> FINAL = EnumSet.of(COMPLETED, REJECTED, CANCELLED, EXPIRED, NO_SHOW);

    /** Still waiting for the target to accept or reject: the acceptance SLA runs. */
    public boolean awaitsAcceptance() {
        return AWAITING_ACCEPTANCE.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public static Set<ReferralState> awaitingAcceptance() {
        return EnumSet.copyOf(AWAITING_ACCEPTANCE);
    }

    /** The states a worklist shows by default: everything someone still has to act on. */
    public static Set<ReferralState> open() {
        return EnumSet.complementOf(EnumSet.copyOf(FINAL));
    }
}
