package cn.referral.referral.domain.kpi;

import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralState;

/**
 * How many referrals of a period share these facts: one cell of the count the database groups
 * ({@code $group} by direction, state, acceptance, override and escalation). No patient data.
 */
public record ReferralCount(Direction direction, ReferralState state, boolean accepted, boolean overridden,
                            boolean escalated, long count) {

    /** Accepted at some point: in a state that follows acceptance, or cancelled after it. */
    public boolean wasAccepted() {
        return accepted || switch (state) {
            case ACCEPTED, ARRIVED, COMPLETED, NO_SHOW -> true;
            default -> false;
        };
    }

    /** The target decided: accepted, rejected, or let it expire. */
    public boolean decided() {
        return wasAccepted() || state == ReferralState.REJECTED || state == ReferralState.EXPIRED;
    }
}
