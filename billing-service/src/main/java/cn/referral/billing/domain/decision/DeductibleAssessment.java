package cn.referral.billing.domain.decision;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.AllianceId;

import java.util.Objects;

/**
 * What a referred patient pays of the target's deductible, and why. The amounts are {@code null}
 * only when the rule says they are unknown ({@link RuleCode#NO_SCHEDULE},
 * {@link RuleCode#ALREADY_PAID_ABOVE_SCHEDULE}): the platform does not guess them. Otherwise
 * {@code waived = standard − payable}.
 *
 * @param standardDeductible the target level's deductible for this care type, scheme and year
 * @param alreadyPaid        deductible paid at the source in the same episode, as the referral states it (zero if none)
 * @param allianceId         the alliance that qualified for the rule, else any alliance holding both; or null
 * @param policyBasis        the regional document and seed sentence behind the rule
 * @param policyRegion       the region whose policy line decided (county, city or province); null when no line did
 * @param scheduleRegion     the region whose schedule gave the amounts; null without a schedule
 */
public record DeductibleAssessment(RuleCode rule, Fen standardDeductible, Fen alreadyPaid, Fen waived, Fen payable,
                                   AllianceId allianceId, boolean sameAlliance, String policyBasis,
                                   RegionCode policyRegion, RegionCode scheduleRegion) {

    public DeductibleAssessment {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(alreadyPaid, "alreadyPaid");
        boolean unknown = standardDeductible == null || waived == null || payable == null;
        if (unknown == rule.amountsKnown()) {
            throw new IllegalArgumentException("amounts are null exactly when the rule leaves them unknown, rule " + rule);
        }
    }

    public boolean amountsKnown() {
        return rule.amountsKnown();
    }
}
