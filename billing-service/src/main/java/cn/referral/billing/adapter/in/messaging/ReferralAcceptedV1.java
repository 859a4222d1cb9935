package cn.referral.billing.adapter.in.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fields billing reads of {@code referral.accepted.v1} (docs/event-contracts.md). The insured
 * person number arrives sealed; billing is the one service that opens it. {@code eligibility}
 * ({@code CATALOG|OVERRIDE}) and {@code sourceEpisode.dischargedOn} were added later: absent in
 * older events. The diagnosis, reason and clinical summary feed the 转院备案 (2501) only; an older
 * event without them files nulls.
 */
record ReferralAcceptedV1(String referralId, String direction, String careType, String fromInstitutionId,
                          String toInstitutionId, Instant appointmentAt, Instant acceptedAt, Insurance insurance,
                          SourceEpisode sourceEpisode, String eligibility, String diagnosisCode, String diagnosisName,
                          String reason, String clinicalSummary) {

    record Insurance(String scheme, String regionCode, String insuredPersonNoSealed) {
    }

    record SourceEpisode(LocalDate admissionDate, LocalDate dischargedOn, Long deductiblePaidFen) {
    }
}
