package cn.referral.quota.application.port.in;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.quota.domain.pool.HoldRequest;

/**
 * A submitted referral as the ledger reads it: what it asks for, and who the patient and the
 * referring institution are, so the ledger can tell whether the reserve serves it first.
 */
public record SubmittedReferral(HoldRequest request, String patientRef, InstitutionId fromInstitutionId) {
}
