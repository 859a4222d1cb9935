package cn.referral.billing.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AlliancePlacement;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.platform.domain.AllianceId;

/**
 * Decides the deductible of an accepted referral: the schedule gives the target level's standard
 * deductible, then the lines of the region policies are tried, the patient's own region first,
 * then the city and the province above it; the first line whose scope and conditions hold
 * decides; none holding means {@link FullDeductible}, with the reasons each line in scope did not
 * hold.
 * <p>
 * Three answers come before any rule, and are explicit rather than defaults: no schedule for the
 * region chain, scheme and year ({@code NO_SCHEDULE}, amounts unknown); an already-paid amount above
 * the source level's scheduled deductible ({@code ALREADY_PAID_ABOVE_SCHEDULE}, not decided, amounts
 * unknown); and a care type the schedule lists without a deductible ({@code NO_DEDUCTIBLE}).
 */
public final class DeductibleAssessor {

    /**
     * @param schedule       the schedule for the patient's region chain, scheme and the year of care
     * @param sourceSchedule the schedule for the year of the source admission, when that year differs and has one
     * @param policies       the region policies found along the patient's region chain, nearest first
     */
    public DeductibleAssessment assess(ReferredCare care, Optional<DeductibleSchedule> schedule,
                                       Optional<DeductibleSchedule> sourceSchedule, List<RegionPolicy> policies,
                                       AlliancePlacement placement) {
        Optional<Alliance> anyCommon = placement.anyCommonAlliance();
        AllianceId commonId = anyCommon.map(Alliance::id).orElse(null);
        boolean sameAlliance = anyCommon.isPresent();
        if (schedule.isEmpty()) {
            return new DeductibleAssessment(RuleCode.NO_SCHEDULE, null, care.alreadyPaid(), null, null, commonId,
                    sameAlliance, "no deductible schedule for region " + care.region() + " (nor the regions above it), "
                            + "scheme " + care.scheme() + ": amounts not determined", null, null);
        }
        Fit paid = AlreadyPaidWithinSourceDeductible.check(care, sourceSchedule.orElse(schedule.get()));
        if (!paid.fits()) {
            return new DeductibleAssessment(RuleCode.ALREADY_PAID_ABOVE_SCHEDULE, null, care.alreadyPaid(), null, null,
                    commonId, sameAlliance, AlreadyPaidWithinSourceDeductible.BASIS + ": " + paid.whyNot(), null,
                    schedule.get().region());
        }
        Optional<Fen> standard = schedule.get().deductibleFor(care.careType(), care.to().level());
        if (standard.isEmpty()) {
            return new DeductibleAssessment(RuleCode.NO_DEDUCTIBLE, Fen.ZERO, care.alreadyPaid(), Fen.ZERO, Fen.ZERO,
                    commonId, sameAlliance, "schedule " + schedule.get().key() + " has no deductible for "
                            + care.careType() + " care", null, schedule.get().region());
        }
        List<String> notApplied = new ArrayList<>();
        for (RegionPolicy policy : policies) {
            for (PolicyRule line : policy.rules()) {
                ScopeMatch match = scope(line, placement);
                if (!match.inScope()) {
                    continue;
                }
                DeductiblePolicy rule = DeductiblePolicy.of(line.rule());
                Fit fit = fits(rule, line, policy, care);
                if (fit.fits()) {
                    AllianceId allianceId = match.qualifying() != null ? match.qualifying().id() : commonId;
                    return decided(care, rule, standard.get(), allianceId, sameAlliance,
                            basis(policy, line, rule), policy, schedule.get());
                }
                notApplied.add(line.rule() + " of " + policy.region() + ": " + fit.whyNot());
            }
        }
        FullDeductible full = new FullDeductible();
        String basis = notApplied.isEmpty() ? full.basis() : full.basis() + " (" + String.join("; ", notApplied) + ")";
        return decided(care, full, standard.get(), commonId, sameAlliance, basis, null, schedule.get());
    }

    /** The rule's own conditions, then 符合规定 for every relief (an explicit FULL line needs neither). */
    private static Fit fits(DeductiblePolicy rule, PolicyRule line, RegionPolicy policy, ReferredCare care) {
        RuleTerms terms = new RuleTerms(policy.sameStayMaxGapDays(), line.overridesQualify());
        Fit own = rule.fits(care, terms);
        if (!own.fits() || rule.code() == RuleCode.FULL) {
            return own;
        }
        return ReferralInOrder.check(care, line.overridesQualify());
    }

    /** Whether the referral is in the line's scope, and the alliance that put it there (IN_ALLIANCE only). */
    private record ScopeMatch(boolean inScope, Alliance qualifying) {
    }

    private static ScopeMatch scope(PolicyRule line, AlliancePlacement placement) {
        return switch (line.scope()) {
            case IN_ALLIANCE -> placement.commonAlliance(line.allianceTypes())
                    .map(alliance -> new ScopeMatch(true, alliance))
                    .orElse(new ScopeMatch(false, null));
            case BETWEEN_ALLIANCES -> new ScopeMatch(placement.betweenAlliances(line.allianceTypes()), null);
            case ANY_REFERRAL -> new ScopeMatch(true, null);
        };
    }

    private static String basis(RegionPolicy policy, PolicyRule line, DeductiblePolicy rule) {
        String sentence = line.basis() != null && !line.basis().isBlank() ? line.basis() : rule.basis(line.seed());
        String documents = policy.policyBasis();
        return documents == null || documents.isBlank() ? sentence : documents + " — " + sentence;
    }

    private static DeductibleAssessment decided(ReferredCare care, DeductiblePolicy rule, Fen standard,
                                                AllianceId allianceId, boolean sameAlliance, String basis,
                                                RegionPolicy policy, DeductibleSchedule schedule) {
        Fen payable = rule.payable(care, standard);
        return new DeductibleAssessment(rule.code(), standard, care.alreadyPaid(), standard.minusFloorZero(payable),
                payable, allianceId, sameAlliance, basis, policy == null ? null : policy.region(), schedule.region());
    }
}
