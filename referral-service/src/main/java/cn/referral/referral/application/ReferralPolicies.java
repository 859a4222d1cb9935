package cn.referral.referral.application;

import java.time.ZoneId;
import java.util.Objects;

import cn.referral.referral.domain.policy.AcceptanceDeadlines;
import cn.referral.referral.domain.policy.NoShowRule;

/** The configured policies: SLA deadlines, no-show grace, and the zone calendar days are counted in. */
public record ReferralPolicies(AcceptanceDeadlines deadlines, NoShowRule noShow, ZoneId zone) {

    public ReferralPolicies {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(noShow, "noShow");
        Objects.requireNonNull(zone, "zone");
    }
}
