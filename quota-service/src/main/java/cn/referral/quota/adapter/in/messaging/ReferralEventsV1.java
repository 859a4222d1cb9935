package cn.referral.quota.adapter.in.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fields quota-service reads of {@code referral.events.v1}; referral-service sends more, which
 * are ignored (tolerant reader).
 */
final class ReferralEventsV1 {

    private ReferralEventsV1() {
    }

    /**
     * {@code referral.submitted.v1}: what the referral needs, where, by when it must be accepted, and
     * who refers whom ({@code fromInstitutionId}, {@code patientRef}: with the contracts view they say
     * whether the patient is referred by their contracted primary institution).
     */
    record SubmittedV1(String referralId, String careType, String urgency, String fromInstitutionId,
                       String toInstitutionId, String toDepartment, String patientRef, Boolean contracted,
                       LocalDate requestedFrom, LocalDate requestedUntil, Instant acceptBy) {
    }

    /** accepted, rejected, cancelled, expired: only the referral matters here. */
    record ReferralRefV1(String referralId) {
    }
}
