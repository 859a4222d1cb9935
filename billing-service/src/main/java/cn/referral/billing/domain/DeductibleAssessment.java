package cn.referral.billing.domain;

import java.util.Objects;

/**
 * What a referred patient pays of the target's deductible, and why. The amounts are {@code null}
 * only for {@link RuleCode#NO_SCHEDULE}: without a schedule the platform does not know them and
 * does not guess. Otherwise {@code waived = standard − payable}.
 *
 * @param standardDeductible the target level's deductible for this care type, scheme and year
 * @param alreadyPaid        deductible paid at the source in the same episode (zero if none)
 * @param allianceId         the alliance that qualified for the rule, else any alliance holding both; or null
 * @param policyBasis        the regional document and seed sentence behind the rule
 */
public record DeductibleAssessment(RuleCode rule, Fen standardDeductible, Fen alreadyPaid, Fen waived, Fen payable,
                                   String allianceId, boolean sameAlliance, String policyBasis) {

    public DeductibleAssessment {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(alreadyPaid, "alreadyPaid");
        boolean unknown = standardDeductible == null || waived == null || payable == null;
        if (unknown != (rule == RuleCode.NO_SCHEDULE)) {
            throw new IllegalArgumentException("amounts are null exactly when there is no schedule, rule " + rule);
        }
    }

    public boolean amountsKnown() {
        return rule != RuleCode.NO_SCHEDULE;
    }
}
