package cn.referral.billing.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.billing.application.port.in.ShownDecision;
import cn.referral.billing.domain.DeductibleAssessment;
import cn.referral.billing.domain.DeductibleDecision;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.RegionCode;

/**
 * A decision as the query answers it: the fields of {@code billing.deductible-decision-issued.v1}
 * plus its current {@code status} and, once revoked, why and when.
 */
record DecisionResponse(String decisionId, String referralId, String direction, String careType,
                        String insuredPersonNo, String insuranceScheme, String regionCode, String fromInstitutionId,
                        String toInstitutionId, String allianceId, boolean sameAlliance, String rule,
                        Long standardDeductibleFen, long alreadyPaidFen, Long waivedFen, Long payableFen,
                        LocalDate validFrom, LocalDate validUntil, String policyBasis, Instant issuedAt,
                        String eligibility, LocalDate sourceDischargedOn, String policyRegionCode,
                        String scheduleRegionCode, String status, String revocationReason, Instant revokedAt) {

    static DecisionResponse of(ShownDecision shown) {
        DeductibleDecision decision = shown.decision();
        DeductibleAssessment assessment = decision.assessment();
        return new DecisionResponse(decision.decisionId(), decision.referralId(), decision.care().direction().name(),
                decision.care().careType().name(), shown.insuredPersonNo(), decision.care().scheme().name(),
                decision.region().value(), decision.care().from().id(), decision.care().to().id(),
                assessment.allianceId(), assessment.sameAlliance(), assessment.rule().name(),
                Fen.valueOrNull(assessment.standardDeductible()), assessment.alreadyPaid().value(),
                Fen.valueOrNull(assessment.waived()), Fen.valueOrNull(assessment.payable()), decision.validFrom(),
                decision.validUntil(), assessment.policyBasis(),
                decision.issuedAt(), decision.care().eligibility().name(),
                decision.care().sourceDischargedOn(), RegionCode.valueOrNull(assessment.policyRegion()),
                RegionCode.valueOrNull(assessment.scheduleRegion()), decision.status().name(),
                decision.revocationReason() == null ? null : decision.revocationReason().name(), decision.revokedAt());
    }
}
