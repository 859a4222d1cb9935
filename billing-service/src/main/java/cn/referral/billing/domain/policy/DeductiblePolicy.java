package cn.referral.billing.domain.policy;

import java.util.Map;
import java.util.StringJoiner;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * One named deductible rule from the policy documents. A region policy decides where each applies
 * (in an alliance, between alliances, anywhere) and cites the seed it takes the rule from; the rule
 * itself decides whether the referral is the kind it speaks of and what remains to pay.
 */
public sealed interface DeductiblePolicy
        permits SameStayRelief, WaivePrimaryDeductibleOnDownReferral, FullDeductible {

    RuleCode code();

    /** The sentences stating this rule, quoted from the seed documents, by seed. */
    Map<Seed, String> sentences();

    /** Every sentence this rule implements, each with its document. */
    default String basis() {
        StringJoiner basis = new StringJoiner("; ");
        sentences().forEach((seed, sentence) -> basis.add(cite(seed, sentence)));
        return basis.toString();
    }

    /** The sentence of {@code seed}, with its document; all of them when the seed states none. */
    default String basis(Seed seed) {
        String sentence = seed == null ? null : sentences().get(seed);
        return sentence == null ? basis() : cite(seed, sentence);
    }

    /** Whether this referral is one the rule speaks of (scope aside), with the region's terms. */
    Fit fits(ReferredCare care, RuleTerms terms);

    /** What remains to pay of the target's {@code standard} deductible. */
    Fen payable(ReferredCare care, Fen standard);

    static DeductiblePolicy of(RuleCode code) {
        return switch (code) {
            case NO_SECOND_DEDUCTIBLE -> new NoSecondDeductibleInAlliance();
            case CONTINUOUS -> new ContinuousDeductible();
            case WAIVE_PRIMARY_DEDUCTIBLE -> new WaivePrimaryDeductibleOnDownReferral();
            case FULL -> new FullDeductible();
            case NO_DEDUCTIBLE, NO_SCHEDULE, ALREADY_PAID_ABOVE_SCHEDULE ->
                    throw new IllegalArgumentException(code + " is not a policy rule");
        };
    }

    private static String cite(Seed seed, String sentence) {
        return sentence + " (" + seed.document() + ", seed " + seed.file().substring(0, 3) + ")";
    }
}
