package cn.referral.referral.adapter.out.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.referral.domain.referral.Appointment;
import cn.referral.referral.domain.referral.Attachment;
import cn.referral.referral.domain.referral.CancelReason;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Completion;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.DateWindow;
import cn.referral.referral.domain.referral.Deadlines;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.QuotaState;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralPath;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.RejectReason;
import cn.referral.referral.domain.referral.SlotStatus;
import cn.referral.referral.domain.referral.SourceEpisode;
import cn.referral.referral.domain.referral.Urgency;
import java.time.LocalDate;

/**
 * Stored form of a referral with its unpublished events. The top-level fields the worklists,
 * timers and reports query ({@code state}, institutions, {@code priority}, {@code receptionRank}, {@code nextDeadline},
 * …) are kept beside the embedded value objects, and rewritten with every change.
 * Patient name, identity number, phone and insured person number are stored sealed only. The report
 * fields ({@code scope}, {@code regions}, {@code diagnosisCategory}, {@code accepted}, …) are derived
 * here so the KPIs are grouped by the database without reading the embedded objects.
 */
@Document(ReferralDocument.COLLECTION)
record ReferralDocument(@Id String id, long version, String state, String direction, String careType,
                        String urgency, int priority, String fromInstitutionId, String toInstitutionId,
                        String diagnosisCode, boolean overridden, boolean escalated, Instant submittedAt,
                        Instant acceptedAt, Instant nextDeadline, String patientRef, String referringDoctorId,
                        boolean contracted, RequestDocument request, Eligibility eligibility, Deadlines deadlines,
                        SlotDocument slot, Appointment appointment, RejectReason rejectReason, String rejectNote,
                        CancelReason cancelReason, Completion completion, Instant arrivedAt, Instant closedAt,
                        List<HistoryEntry> history, List<OutboxEvent> outbox, ReferralPath path, String scope,
                        boolean hospitalToPrimaryCare, List<String> regions, String diagnosisCategory,
                        boolean accepted, Long secondsToAccept, String upReferralId, String downReferralId,
                        Boolean upLinkPending, Integer receptionRank) {

    static final String COLLECTION = "referrals";
    static final String TIMER_LEASE = "timerLeaseUntil";
    /**
     * Set on a down-referral inserted with an {@code upReferralId}, in the same write, and removed once the
     * up-referral names it: what a crash between the two writes leaves is found again by this mark.
     */
    static final String UP_LINK_PENDING = "upLinkPending";

    static ReferralDocument of(Referral referral, List<OutboxEvent> outbox) {
        ReferralRequest request = referral.request();
        return new ReferralDocument(referral.id().value(), referral.version(), referral.state().name(),
                request.direction().name(), request.careType().name(), request.urgency().name(),
                WorklistPriority.of(referral), request.fromInstitutionId().value(), request.toInstitutionId().value(),
                request.diagnosis().code(), referral.eligibility().overridden(), referral.deadlines().escalated(),
                referral.submittedAt(), referral.acceptedAt(), referral.nextDeadline(), request.patient().patientRef(),
                referral.referringDoctorId(), referral.contracted(), RequestDocument.of(request), referral.eligibility(),
                referral.deadlines(), SlotDocument.of(referral.slot()), referral.appointment(), referral.rejectReason(),
                referral.rejectNote(), referral.cancelReason(), referral.completion(), referral.arrivedAt(),
                referral.closedAt(), referral.history(), outbox, referral.path(),
                referral.path() == null || referral.path().scope() == null ? null : referral.path().scope().name(),
                referral.path() != null && referral.path().hospitalToPrimaryCare(), regions(referral.path()),
                category(request.diagnosis().code()), referral.acceptedAt() != null,
                referral.acceptedAt() == null ? null
                        : Duration.between(referral.submittedAt(), referral.acceptedAt()).toSeconds(),
                Identifier.valueOrNull(request.upReferralId()), Identifier.valueOrNull(referral.downReferralId()),
                request.upReferralId() != null ? Boolean.TRUE : null,
                WorklistPriority.receptionRankOf(referral));
    }

    /** The ICD-10 category (letter and two digits) the out-of-county ranking groups by: I63.9 → I63. */
    static String category(String diagnosisCode) {
        return diagnosisCode == null || diagnosisCode.length() < 3 ? diagnosisCode : diagnosisCode.substring(0, 3);
    }

    /**
     * Every region either institution lies in (province, city and county prefixes of both codes), so a
     * report for a region matches with one equality on this array.
     */
    static List<String> regions(ReferralPath path) {
        if (path == null) {
            return List.of();
        }
        Set<String> prefixes = new TreeSet<>();
        for (String code : new String[] {path.fromRegionCode(), path.toRegionCode()}) {
            if (code != null && code.length() == 6) {
                prefixes.add(code.substring(0, 2));
                prefixes.add(code.substring(0, 4));
                prefixes.add(code);
            }
        }
        return List.copyOf(prefixes);
    }

    Referral toDomain() {
        return new Referral(new ReferralId(id), request.toDomain(), referringDoctorId, contracted, eligibility,
                cn.referral.referral.domain.referral.ReferralState.valueOf(state), deadlines,
                slot == null ? null : slot.toDomain(), appointment,
                rejectReason, rejectNote, cancelReason, completion, submittedAt, acceptedAt, arrivedAt, closedAt,
                history, version, path, referralId(downReferralId), receptionRank != null && receptionRank > 0);
    }

    /**
     * The embedded request, stored as {@link ReferralRequest} always was: the same fields, its ids as plain
     * strings ({@code request.patient.*} is where the sealed patient details lie).
     */
    record RequestDocument(Direction direction, CareType careType, Urgency urgency, Patient patient,
                           Diagnosis diagnosis, String reason, String clinicalSummary, List<Attachment> attachments,
                           String fromInstitutionId, String fromDepartment, String toInstitutionId,
                           String toDepartment, DateWindow requestedWindow, SourceEpisode sourceEpisode,
                           ContinuityPlan continuityPlan, String overrideReason, String upReferralId) {

        static RequestDocument of(ReferralRequest request) {
            return new RequestDocument(request.direction(), request.careType(), request.urgency(), request.patient(),
                    request.diagnosis(), request.reason(), request.clinicalSummary(), request.attachments(),
                    request.fromInstitutionId().value(), request.fromDepartment(), request.toInstitutionId().value(),
                    request.toDepartment(), request.requestedWindow(), request.sourceEpisode(),
                    request.continuityPlan(), request.overrideReason(), Identifier.valueOrNull(request.upReferralId()));
        }

        ReferralRequest toDomain() {
            return new ReferralRequest(direction, careType, urgency, patient, diagnosis, reason, clinicalSummary,
                    attachments, new InstitutionId(fromInstitutionId), fromDepartment, new InstitutionId(toInstitutionId),
                    toDepartment, requestedWindow, sourceEpisode, continuityPlan, overrideReason,
                    referralId(upReferralId));
        }
    }

    /** The slot quota holds (or not), stored as {@link SlotStatus} always was: its ids as plain strings. */
    record SlotDocument(QuotaState state, String holdId, String poolId, LocalDate date, String session,
                        boolean greenChannel, Integer waitlistPosition, String reason, Instant updatedAt) {

        static SlotDocument of(SlotStatus slot) {
            return new SlotDocument(slot.state(), Identifier.valueOrNull(slot.holdId()),
                    Identifier.valueOrNull(slot.poolId()), slot.date(), slot.session(),
                    slot.greenChannel(), slot.waitlistPosition(), slot.reason(), slot.updatedAt());
        }

        SlotStatus toDomain() {
            return new SlotStatus(state, holdId == null ? null : new HoldId(holdId),
                    poolId == null ? null : new PoolId(poolId), date, session, greenChannel, waitlistPosition, reason,
                    updatedAt);
        }
    }

    private static ReferralId referralId(String stored) {
        return stored == null ? null : new ReferralId(stored);
    }
}
