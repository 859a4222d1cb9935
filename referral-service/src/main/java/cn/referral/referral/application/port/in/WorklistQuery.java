package cn.referral.referral.application.port.in;

import java.util.Set;

import cn.referral.referral.domain.referral.ReferralState;
import cn.referral.referral.domain.referral.Urgency;

/** One page of a worklist; empty filters mean open states and every urgency. */
public record WorklistQuery(Side side, Set<ReferralState> states, Set<Urgency> urgencies, int page, int size) {

    public enum Side {
        /** referrals sent to the caller's institution */
        INCOMING,
        /** referrals the caller's institution sent */
        OUTGOING,
        /** referrals other institutions made for the patients contracted with the caller's primary institution */
        CONTRACTED,
        /** completed up-referrals recommended to go back down, with no down-referral yet */
        DOWN_REFERRAL_DUE
    }
}
