package cn.referral.referral.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.referral.platform.domain.Identifier;
import cn.referral.referral.application.port.in.ReferralView;
import cn.referral.referral.application.port.in.RevealedPatient;
import cn.referral.referral.domain.referral.Action;
import cn.referral.referral.domain.referral.Attachment;
import cn.referral.referral.domain.referral.Completion;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralRequest;
import cn.referral.referral.domain.referral.SlotStatus;
import cn.referral.referral.domain.referral.SourceEpisode;

/** What the API answers. Summaries carry no clear patient data; only the full view (audited) does. */
final class ReferralResponses {

    private ReferralResponses() {
    }

    record SlotResponse(String state, String holdId, String poolId, LocalDate date, String session,
                        boolean greenChannel, Integer waitlistPosition, String reason) {

        static SlotResponse of(SlotStatus slot) {
            return new SlotResponse(slot.state().name(), Identifier.valueOrNull(slot.holdId()),
                    slot.poolId() == null ? null : slot.poolId().value(), slot.date(), slot.session(),
                    slot.greenChannel(), slot.waitlistPosition(), slot.reason());
        }
    }

    record DeadlineResponse(Instant escalateAt, Instant acceptBy, boolean escalated, Instant noShowAfter) {

        static DeadlineResponse of(Referral referral) {
            return new DeadlineResponse(referral.deadlines().escalateAt(), referral.deadlines().acceptBy(),
                    referral.deadlines().escalated(),
                    referral.appointment() == null ? null : referral.appointment().noShowAfter());
        }
    }

    record OutcomeResponse(String rejectReason, String rejectNote, String cancelReason, Completion completion) {

        static OutcomeResponse of(Referral referral) {
            return new OutcomeResponse(referral.rejectReason() == null ? null : referral.rejectReason().name(),
                    referral.rejectNote(), referral.cancelReason() == null ? null : referral.cancelReason().name(),
                    referral.completion());
        }
    }

    /**
     * The closed loop from either end: a down-referral names the up-referral it continues, an
     * up-referral the down-referral that continued it; {@code downReferralPending} while the hospital
     * recommended going back down and no down-referral was made yet.
     */
    record LoopResponse(String upReferralId, String downReferralId, boolean downReferralPending) {

        static LoopResponse of(Referral referral) {
            return new LoopResponse(Identifier.valueOrNull(referral.request().upReferralId()),
                    Identifier.valueOrNull(referral.downReferralId()), referral.awaitsDownReferral());
        }
    }

    /** IN_COUNTY, OUT_OF_COUNTY, OUT_OF_CITY or OUT_OF_PROVINCE; null for referrals stored before it was kept. */
    private static String scopeOf(Referral referral) {
        return referral.path() == null || referral.path().scope() == null ? null : referral.path().scope().name();
    }

    /** A referral in a list or after a change: masked patient, state, deadlines, slot, decision. */
    record ReferralSummary(String id, long version, String state, String direction, String careType, String urgency,
                           String patientName, String patientIdNumber, String diagnosisCode, String fromInstitutionId,
                           String toInstitutionId, String toDepartment, boolean contracted, Instant submittedAt,
                           DeadlineResponse deadlines, SlotResponse slot, Instant appointmentAt,
                           Eligibility eligibility, OutcomeResponse outcome, LoopResponse loop, String scope) {

        static ReferralSummary of(Referral referral) {
            ReferralRequest request = referral.request();
            return new ReferralSummary(referral.id().value(), referral.version(), referral.state().name(),
                    request.direction().name(), request.careType().name(), request.urgency().name(),
                    request.patient().maskedName(), request.patient().maskedIdNumber(), request.diagnosis().code(),
                    request.fromInstitutionId().value(), request.toInstitutionId().value(), request.toDepartment(),
                    referral.contracted(), referral.submittedAt(), DeadlineResponse.of(referral),
                    SlotResponse.of(referral.slot()),
                    referral.appointment() == null ? null : referral.appointment().at(), referral.eligibility(),
                    OutcomeResponse.of(referral), LoopResponse.of(referral), scopeOf(referral));
        }
    }

    /** The whole referral for someone entitled to it, with what they may do now. */
    record ReferralDetail(String id, long version, String state, String direction, String careType, String urgency,
                          RevealedPatient patient, String diagnosisCode, String diagnosisName, String reason,
                          String clinicalSummary, List<Attachment> attachments, String fromInstitutionId,
                          String fromDepartment, String toInstitutionId, String toDepartment, LocalDate requestedFrom,
                          LocalDate requestedUntil, SourceEpisode sourceEpisode, ContinuityPlan continuityPlan,
                          boolean contracted, String referringDoctorId, Eligibility eligibility,
                          DeadlineResponse deadlines, SlotResponse slot, Instant appointmentAt,
                          OutcomeResponse outcome, Instant submittedAt, Instant acceptedAt, Instant arrivedAt,
                          Instant closedAt, Set<Action> allowedActions, LoopResponse loop, String scope) {

        static ReferralDetail of(ReferralView view) {
            Referral referral = view.referral();
            ReferralRequest request = referral.request();
            return new ReferralDetail(referral.id().value(), referral.version(), referral.state().name(),
                    request.direction().name(), request.careType().name(), request.urgency().name(), view.patient(),
                    request.diagnosis().code(), request.diagnosis().name(), request.reason(), request.clinicalSummary(),
                    request.attachments(), request.fromInstitutionId().value(), request.fromDepartment(),
                    request.toInstitutionId().value(), request.toDepartment(), request.requestedWindow().from(),
                    request.requestedWindow().until(), request.sourceEpisode(), request.continuityPlan(),
                    referral.contracted(), referral.referringDoctorId(), referral.eligibility(),
                    DeadlineResponse.of(referral), SlotResponse.of(referral.slot()),
                    referral.appointment() == null ? null : referral.appointment().at(), OutcomeResponse.of(referral),
                    referral.submittedAt(), referral.acceptedAt(), referral.arrivedAt(), referral.closedAt(),
                    new TreeSet<>(view.allowedActions()), LoopResponse.of(referral), scopeOf(referral));
        }
    }

    /** One read of a referral's patient data, as auditors see it ({@code GET /audit}). */
    record AuditRecord(String auditId, Instant at, String actorId, String role, String institutionId,
                       String referralId, String action, String purpose) {

        static AuditRecord of(cn.referral.referral.application.port.out.AuditRecord record) {
            return new AuditRecord(record.auditId(), record.at(), record.actorId(), record.role(),
                    record.institutionId() == null ? null : record.institutionId().value(), record.referralId().value(),
                    record.action(), record.purpose());
        }
    }

    record HistoryResponse(String referralId, List<HistoryEntry> entries) {
    }

    record ActionsResponse(String referralId, Set<Action> allowedActions) {
    }

    record WorklistResponse(List<ReferralSummary> items, long total, int page, int size) {
    }
}
