package cn.referral.referral.application.port.out;

import java.time.Instant;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

/** One read of a referral's patient data: who, in which role and institution, why, when. */
public record AuditRecord(String auditId, Instant at, String actorId, String role, InstitutionId institutionId,
                          ReferralId referralId, String action, String purpose) {
}
