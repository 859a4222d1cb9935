package cn.referral.billing.application.port.in;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.Identifier;

/**
 * A decision as billing issues it to insurers, flat: the fields of {@code billing.deductible-decision-issued.v1},
 * which the decision query answers too (plus its status). Money is integer fen; the three amounts are null only
 * when {@code rule} is {@code NO_SCHEDULE} or {@code ALREADY_PAID_ABOVE_SCHEDULE}. The insured person number is
 * given by the caller: in full on the wire, as the reader may see it in a query ({@link Shown}).
 */
public record IssuedDecision(String decisionId, String referralId, String direction, String careType,
                             String insuredPersonNo, String insuranceScheme, String regionCode,
                             String fromInstitutionId, String toInstitutionId, String allianceId,
                             boolean sameAlliance, String rule, Long standardDeductibleFen, long alreadyPaidFen,
                             Long waivedFen, Long payableFen, LocalDate validFrom, LocalDate validUntil,
                             String policyBasis, Instant issuedAt, String eligibility, LocalDate sourceDischargedOn,
                             String policyRegionCode, String scheduleRegionCode) {

    public static IssuedDecision of(DeductibleDecision decision, String insuredPersonNo) {
        DeductibleAssessment assessment = decision.assessment();
        return new IssuedDecision(decision.decisionId().value(), decision.referralId().value(),
                decision.care().direction().name(), decision.care().careType().name(), insuredPersonNo,
                decision.care().scheme().name(), decision.region().value(), decision.care().from().id().value(),
                decision.care().to().id().value(), Identifier.valueOrNull(assessment.allianceId()),
                assessment.sameAlliance(), assessment.rule().name(),
                Fen.valueOrNull(assessment.standardDeductible()), assessment.alreadyPaid().value(),
                Fen.valueOrNull(assessment.waived()), Fen.valueOrNull(assessment.payable()), decision.validFrom(),
                decision.validUntil(), assessment.policyBasis(),
                decision.issuedAt(), decision.care().eligibility().name(),
                decision.care().sourceDischargedOn(), RegionCode.valueOrNull(assessment.policyRegion()),
                RegionCode.valueOrNull(assessment.scheduleRegion()));
    }
}
