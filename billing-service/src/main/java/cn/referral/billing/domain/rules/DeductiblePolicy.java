package cn.referral.billing.domain.rules;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RuleCode;

/**
 * One named deductible rule from the policy documents. A region policy decides where each applies
 * (in an alliance, between alliances, anywhere); the rule itself decides whether the referral is
 * the kind it speaks of and what remains to pay.
 */
public sealed interface DeductiblePolicy
        permits NoSecondDeductibleInAlliance, ContinuousDeductible, WaivePrimaryDeductibleOnDownReferral, FullDeductible {

    RuleCode code();

    /** The policy sentence this rule implements, quoted from the seed documents. */
    String basis();

    /** Whether this referral is one the rule speaks of (scope aside). */
    boolean appliesTo(ReferredCare care);

    /** What remains to pay of the target's {@code standard} deductible. */
    Fen payable(ReferredCare care, Fen standard);

    static DeductiblePolicy of(RuleCode code) {
        return switch (code) {
            case NO_SECOND_DEDUCTIBLE -> new NoSecondDeductibleInAlliance();
            case CONTINUOUS -> new ContinuousDeductible();
            case WAIVE_PRIMARY_DEDUCTIBLE -> new WaivePrimaryDeductibleOnDownReferral();
            case FULL -> new FullDeductible();
            case NO_DEDUCTIBLE, NO_SCHEDULE -> throw new IllegalArgumentException(code + " is not a policy rule");
        };
    }
}
