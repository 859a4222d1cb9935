package cn.referral.billing.domain.rules;

import java.util.List;
import java.util.Optional;

import cn.referral.billing.domain.Alliance;
import cn.referral.billing.domain.AlliancePlacement;
import cn.referral.billing.domain.DeductibleAssessment;
import cn.referral.billing.domain.DeductibleSchedule;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.PolicyRule;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RegionPolicy;
import cn.referral.billing.domain.RuleCode;

/**
 * Decides the deductible of an accepted referral: the region's schedule gives the target level's
 * standard deductible, then the region policy's rules are tried in order and the first whose scope
 * and conditions hold decides; none holding means {@link FullDeductible}.
 * <p>
 * Two answers come before any rule, and are explicit rather than defaults: no schedule for the
 * region, scheme and year ({@code NO_SCHEDULE}, amounts unknown), and a care type the schedule lists
 * without a deductible ({@code NO_DEDUCTIBLE}, nothing to pay or waive).
 */
public final class DeductibleAssessor {

    public DeductibleAssessment assess(ReferredCare care, Optional<DeductibleSchedule> schedule,
                                       Optional<RegionPolicy> policy, AlliancePlacement placement) {
        Optional<Alliance> anyCommon = placement.anyCommonAlliance();
        String commonId = anyCommon.map(Alliance::id).orElse(null);
        boolean sameAlliance = anyCommon.isPresent();
        if (schedule.isEmpty()) {
            return new DeductibleAssessment(RuleCode.NO_SCHEDULE, null, care.alreadyPaid(), null, null, commonId,
                    sameAlliance, "no deductible schedule for region " + care.region() + ", scheme " + care.scheme()
                            + ": amounts not determined");
        }
        Optional<Fen> standard = schedule.get().deductibleFor(care.careType(), care.to().level());
        if (standard.isEmpty()) {
            return new DeductibleAssessment(RuleCode.NO_DEDUCTIBLE, Fen.ZERO, care.alreadyPaid(), Fen.ZERO, Fen.ZERO,
                    commonId, sameAlliance, "schedule " + schedule.get().key() + " has no deductible for "
                            + care.careType() + " care");
        }
        String documents = policy.map(RegionPolicy::policyBasis).filter(text -> !text.isBlank()).orElse(null);
        for (PolicyRule line : policy.map(RegionPolicy::rules).orElse(List.of())) {
            ScopeMatch match = scope(line, placement);
            DeductiblePolicy rule = DeductiblePolicy.of(line.rule());
            if (match.inScope() && rule.appliesTo(care)) {
                String allianceId = match.qualifying() != null ? match.qualifying().id() : commonId;
                String basis = line.basis() != null && !line.basis().isBlank() ? line.basis() : rule.basis();
                return decided(care, rule, standard.get(), allianceId, sameAlliance, join(documents, basis));
            }
        }
        FullDeductible full = new FullDeductible();
        return decided(care, full, standard.get(), commonId, sameAlliance, join(documents, full.basis()));
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

    private static DeductibleAssessment decided(ReferredCare care, DeductiblePolicy rule, Fen standard,
                                                String allianceId, boolean sameAlliance, String basis) {
        Fen payable = rule.payable(care, standard);
        return new DeductibleAssessment(rule.code(), standard, care.alreadyPaid(), standard.minusFloorZero(payable),
                payable, allianceId, sameAlliance, basis);
    }

    private static String join(String documents, String basis) {
        return documents == null ? basis : documents + " — " + basis;
    }
}
