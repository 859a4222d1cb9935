package cn.referral.referral.application.port.in;

import java.util.List;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.referral.Attachment;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.DateWindow;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.SourceEpisode;
import cn.referral.referral.domain.referral.Urgency;

/**
 * A doctor's request to refer a patient. {@code toInstitutionId} may be left out of a down-referral
 * of a contracted patient: it then goes to their family-doctor institution.
 * A down-referral may name the up-referral it continues ({@code upReferralId}).
 * {@code fingerprint} identifies the request body for Idempotency-Key replays.
 */
public record SubmitReferralCommand(Direction direction, CareType careType, Urgency urgency, PatientDetails patient,
                                    Diagnosis diagnosis, String reason, String clinicalSummary,
                                    List<Attachment> attachments, InstitutionId fromInstitutionId, String fromDepartment,
                                    InstitutionId toInstitutionId, String toDepartment, DateWindow requestedWindow,
                                    SourceEpisode sourceEpisode, ContinuityPlan continuityPlan, String overrideReason,
                                    ReferralId upReferralId, String fingerprint) {
}
