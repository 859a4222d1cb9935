package cn.referral.billing.adapter.out.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Wire record of {@code billing.deductible-decision-issued.v1}, read by insurance settlement systems
 * (DESIGN §3; described in {@code asyncapi.yaml}). Fields are only ever added. Money is integer fen;
 * the three amounts are null only when {@code rule} is {@code NO_SCHEDULE} or
 * {@code ALREADY_PAID_ABOVE_SCHEDULE}. Added later: {@code eligibility} ({@code CATALOG|OVERRIDE|UNKNOWN}),
 * {@code sourceDischargedOn}, {@code policyRegionCode} and {@code scheduleRegionCode} (the regions
 * along county → city → province whose policy and schedule were used), {@code decisionVersion} (the
 * decision's version after the event: 1; {@code issuedAt} is when the event happened).
 */
public record DecisionIssuedV1(String decisionId, String referralId, String direction, String careType,
                               String insuredPersonNo, String insuranceScheme, String regionCode,
                               String fromInstitutionId, String toInstitutionId, String allianceId,
                               boolean sameAlliance, String rule, Long standardDeductibleFen, long alreadyPaidFen,
                               Long waivedFen, Long payableFen, LocalDate validFrom, LocalDate validUntil,
                               String policyBasis, Instant issuedAt, String eligibility, LocalDate sourceDischargedOn,
                               String policyRegionCode, String scheduleRegionCode, long decisionVersion) {
}
