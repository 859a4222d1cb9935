package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;

/**
 * Stored form of a referral's deductible record, keyed by referral id so a referral can never have
 * two: an issued or revoked decision, or {@code CLOSED} when the referral closed before any decision
 * (then only the close is recorded). The insured person number is stored sealed (AES-GCM); days
 * are ISO dates in China Standard Time, for the settlement export. The last five fields came later:
 * records stored before them read as eligibility UNKNOWN, admission on {@code validFrom}.
 */
@Document(DecisionDocument.COLLECTION)
record DecisionDocument(@Id String referralId, String status, String decisionId, String direction, String careType,
                        String insuranceScheme, String regionCode, String insuredPersonNoSealed,
                        String fromInstitutionId, String fromLevel, String toInstitutionId, String toLevel,
                        String sourceAdmissionDate, Long sourceDeductiblePaidFen, String rule,
                        Long standardDeductibleFen, Long alreadyPaidFen, Long waivedFen, Long payableFen,
                        String allianceId, Boolean sameAlliance, String policyBasis, String validFrom,
                        String validUntil, Instant issuedAt, String issuedDay, String revocationReason,
                        Instant revokedAt, String revokedDay, String closedReason, Instant closedAt,
                        List<OutboxEvent> outbox, String sourceDischargedOn, String eligibility, String admittedOn,
                        String policyRegionCode, String scheduleRegionCode) {

    static final String COLLECTION = "decisions";
    static final String CLOSED = "CLOSED";

    static DecisionDocument closed(String referralId, String reason, Instant at) {
        return new DecisionDocument(referralId, CLOSED, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                reason, at, List.of(), null, null, null, null, null);
    }
}
