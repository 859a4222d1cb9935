package cn.referral.billing.application.port.in;

import java.util.Objects;

import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.platform.domain.ReferralId;

/** A referral that ended without care at the target: cancelled, expired or no-show. */
public record ClosedReferral(ReferralId referralId, ClosingReason reason) {

    public ClosedReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(reason, "reason");
    }
}
