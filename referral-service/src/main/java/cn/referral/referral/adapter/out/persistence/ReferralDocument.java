package cn.referral.referral.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.events.OutboxEvent;
import cn.referral.referral.domain.referral.Appointment;
import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.Completion;
import cn.referral.referral.domain.referral.Deadlines;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.SlotStatus;

/**
 * Stored form of a referral with its unpublished events. The top-level fields the worklists,
 * timers and reports query ({@code state}, institutions, {@code priority}, {@code nextDeadline},
 * …) are kept beside the embedded value objects, and rewritten with every change.
 * Patient name, identity number, phone and insured person number are stored sealed only.
 */
@Document(ReferralDocument.COLLECTION)
record ReferralDocument(@Id String id, long version, String state, String direction, String careType,
                        String urgency, int priority, String fromInstitutionId, String toInstitutionId,
                        String diagnosisCode, boolean overridden, boolean escalated, Instant submittedAt,
                        Instant acceptedAt, Instant nextDeadline, String patientRef, String referringDoctorId,
                        boolean contracted, ReferralRequest request, Eligibility eligibility, Deadlines deadlines,
                        SlotStatus slot, Appointment appointment, RejectReason rejectReason, String rejectNote,
                        CancelReason cancelReason, Completion completion, Instant arrivedAt, Instant closedAt,
                        List<HistoryEntry> history, List<OutboxEvent> outbox) {

    static final String COLLECTION = "referrals";
    static final String TIMER_LEASE = "timerLeaseUntil";

    static ReferralDocument of(Referral referral, List<OutboxEvent> outbox) {
        ReferralRequest request = referral.request();
        return new ReferralDocument(referral.id(), referral.version(), referral.state().name(),
                request.direction().name(), request.careType().name(), request.urgency().name(),
                WorklistPriority.of(referral), request.fromInstitutionId(), request.toInstitutionId(),
                request.diagnosis().code(), referral.eligibility().overridden(), referral.deadlines().escalated(),
                referral.submittedAt(), referral.acceptedAt(), referral.nextDeadline(), request.patient().patientRef(),
                referral.referringDoctorId(), referral.contracted(), request, referral.eligibility(),
                referral.deadlines(), referral.slot(), referral.appointment(), referral.rejectReason(),
                referral.rejectNote(), referral.cancelReason(), referral.completion(), referral.arrivedAt(),
                referral.closedAt(), referral.history(), outbox);
    }

    Referral toDomain() {
        return new Referral(id, request, referringDoctorId, contracted, eligibility,
                cn.referral.referral.domain.referral.ReferralState.valueOf(state), deadlines, slot, appointment,
                rejectReason, rejectNote, cancelReason, completion, submittedAt, acceptedAt, arrivedAt, closedAt,
                history, version);
    }
}
