package cn.referral.referral.adapter.out.messaging;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Wire records of {@code referral.events.v1} (docs/event-contracts.md). Every message starts with
 * the {@link Common} fields, flattened; fields are only ever added. No name or identity number
 * ever appears here: the patient is {@code patientRef}, the insured person number travels sealed.
 */
public final class ReferralMessagesV1 {

    private ReferralMessagesV1() {
    }

    /** The fields every referral event carries. */
    public record Common(String referralId, String direction, String careType, String urgency,
                         String fromInstitutionId, String toInstitutionId, String toDepartment, String patientRef,
                         boolean contracted, Instant occurredAt, long referralVersion) {
    }

    public record SubmittedV1(@JsonUnwrapped Common common, String diagnosisCode, LocalDate requestedFrom,
                              LocalDate requestedUntil, Instant acceptBy) {
    }

    public record InsuranceV1(String scheme, String regionCode, String insuredPersonNoSealed) {
    }

    /** {@code dischargedOn} was added later (null when the referral did not say). */
    public record SourceEpisodeV1(LocalDate admissionDate, LocalDate dischargedOn, long deductiblePaidFen) {
    }

    /**
     * {@code eligibility}: {@code CATALOG} or {@code OVERRIDE}, added later; billing judges 符合规定 on it.
     * The diagnosis, reason and clinical summary (added with issue 17) are what the insurer's
     * 转院备案 (2501) asks for (diag_code, diag_name, refl_rea, dise_cond_dscr); only billing reads them.
     */
    public record AcceptedV1(@JsonUnwrapped Common common, Instant appointmentAt, Instant acceptedAt,
                             InsuranceV1 insurance, SourceEpisodeV1 sourceEpisode, String eligibility,
                             String diagnosisCode, String diagnosisName, String reason, String clinicalSummary) {
    }

    public record RejectedV1(@JsonUnwrapped Common common, String reasonCode, String note) {
    }

    public record CancelledV1(@JsonUnwrapped Common common, String reasonCode) {
    }

    public record ExpiredV1(@JsonUnwrapped Common common) {
    }

    public record EscalatedV1(@JsonUnwrapped Common common, Instant deadline) {
    }

    public record ArrivedV1(@JsonUnwrapped Common common, Instant arrivedAt) {
    }

    public record NoShowV1(@JsonUnwrapped Common common, Instant appointmentAt) {
    }

    public record CompletedV1(@JsonUnwrapped Common common, String outcome, boolean downReferralRecommended) {
    }
}
