package cn.referral.referral.domain.referral;

import java.util.Objects;

/** One follow-up visit of a continuity plan, due a number of days after the transfer. */
public record FollowUp(int afterDays, String purpose) {

    public FollowUp {
        Objects.requireNonNull(purpose, "purpose");
        if (afterDays < 0) {
            throw new ReferralRuleViolation("follow-up", "continuityPlan.followUps[].afterDays must not be negative");
        }
    }
}
