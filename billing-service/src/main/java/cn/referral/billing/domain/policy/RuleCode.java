package cn.referral.billing.domain.policy;

/**
 * The rule a decision was made by, as insurers read it in {@code rule}. The first four are the
 * named policies a region can configure; the last three are answers that come before any policy.
 */
public enum RuleCode {
    /** 取消医联体内转诊医保二次起付线: payable 0 at the target. */
    NO_SECOND_DEDUCTIBLE,
    /** 连续计算起付线: pay only what the target level asks beyond what was already paid. */
    CONTINUOUS,
    /** 取消当次基层住院起付线 for a down-referral to primary inpatient care: payable 0. */
    WAIVE_PRIMARY_DEDUCTIBLE,
    /** No relief: the target level's whole deductible. */
    FULL,
    /** The region's schedule lists this care type without a deductible: nothing to pay, nothing waived. */
    NO_DEDUCTIBLE,
    /** The region has no schedule for the scheme and year: amounts are unknown, never guessed (all null). */
    NO_SCHEDULE,
    /**
     * Not decided: the deductible the referral says was already paid at the source is more than the
     * source level's scheduled deductible, which is impossible. Amounts are null; the claimed amount
     * is in {@code alreadyPaidFen} for the insurer to check.
     */
    ALREADY_PAID_ABOVE_SCHEDULE;

    /** Whether a region policy may name this rule. */
    public boolean isConfigurable() {
        return this == NO_SECOND_DEDUCTIBLE || this == CONTINUOUS || this == WAIVE_PRIMARY_DEDUCTIBLE || this == FULL;
    }

    /** Whether decisions by this rule state their amounts (false: unknown, all null). */
    public boolean amountsKnown() {
        return this != NO_SCHEDULE && this != ALREADY_PAID_ABOVE_SCHEDULE;
    }
}
