package cn.referral.referral.domain.referral;

import java.util.List;
import java.util.Objects;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.policy.DownReferralContinuity;

/**
 * What the referring doctor asks for: the patient, the clinical picture, where and when; a down-referral
 * may name the up-referral it continues ({@code upReferralId}), so the loop can be followed from either end.
 */
public record ReferralRequest(Direction direction, CareType careType, Urgency urgency, Patient patient,
                              Diagnosis diagnosis, String reason, String clinicalSummary, List<Attachment> attachments,
                              InstitutionId fromInstitutionId, String fromDepartment, InstitutionId toInstitutionId,
                              String toDepartment, DateWindow requestedWindow, SourceEpisode sourceEpisode,
                              ContinuityPlan continuityPlan, String overrideReason, ReferralId upReferralId) {

    public ReferralRequest {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(careType, "careType");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(fromInstitutionId, "fromInstitutionId");
        Objects.requireNonNull(toInstitutionId, "toInstitutionId");
        Objects.requireNonNull(requestedWindow, "requestedWindow");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (reason == null || reason.isBlank()) {
            throw new ReferralRuleViolation("reason-required", "reason", "say why the patient is referred");
        }
        if (fromInstitutionId.equals(toInstitutionId)) {
            throw new ReferralRuleViolation("same-institution", "toInstitutionId", "a referral goes to another institution");
        }
        if (sourceEpisode != null && careType != CareType.INPATIENT) {
            throw new ReferralRuleViolation("source-episode-inpatient-only", "sourceEpisode",
                    "only an inpatient transfer carries the source hospitalization");
        }
        if (direction == Direction.UP && (toDepartment == null || toDepartment.isBlank())) {
            throw new ReferralRuleViolation("department-required", "toDepartment", "an up-referral names the department");
        }
        DownReferralContinuity.check(direction, continuityPlan);
        if (upReferralId != null && direction != Direction.DOWN) {
            throw new ReferralRuleViolation("up-referral-link-down-only", "upReferralId",
                    "only a down-referral continues an up-referral");
        }
    }

    /** A request that continues no earlier up-referral. */
    public ReferralRequest(Direction direction, CareType careType, Urgency urgency, Patient patient,
                           Diagnosis diagnosis, String reason, String clinicalSummary, List<Attachment> attachments,
                           InstitutionId fromInstitutionId, String fromDepartment, InstitutionId toInstitutionId,
                           String toDepartment, DateWindow requestedWindow, SourceEpisode sourceEpisode,
                           ContinuityPlan continuityPlan, String overrideReason) {
        this(direction, careType, urgency, patient, diagnosis, reason, clinicalSummary, attachments, fromInstitutionId,
                fromDepartment, toInstitutionId, toDepartment, requestedWindow, sourceEpisode, continuityPlan,
                overrideReason, null);
    }
}
