package cn.referral.referral.application;

import java.time.ZoneId;
import java.util.Objects;

import cn.referral.referral.domain.policy.AcceptanceDeadlines;
import cn.referral.referral.domain.policy.ContractedFirstReception;
import cn.referral.referral.domain.policy.NoShowRule;

/**
 * The configured policies: SLA deadlines, no-show grace, the zone calendar days are counted in, and the
 * regions whose desks receive contracted patients first (seed 001).
 */
public record ReferralPolicies(AcceptanceDeadlines deadlines, NoShowRule noShow, ZoneId zone,
                               ContractedFirstReception reception) {

    public ReferralPolicies {
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(noShow, "noShow");
        Objects.requireNonNull(zone, "zone");
        reception = reception == null ? ContractedFirstReception.nowhere() : reception;
    }
}
