package cn.referral.referral.application.port.out;

import java.time.Instant;

/** One read of a referral's patient data: who, in which role and institution, why, when. */
public record AuditRecord(String auditId, Instant at, String actorId, String role, String institutionId,
                          String referralId, String action, String purpose) {
}
