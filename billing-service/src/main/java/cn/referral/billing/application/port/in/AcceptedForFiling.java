package cn.referral.billing.application.port.in;

import cn.referral.platform.domain.ReferralId;

/**
 * What the 转院备案 needs of an accepted referral beyond its deductible decision: the diagnosis,
 * the condition as the referring doctor described it, and why the patient is transferred.
 */
public record AcceptedForFiling(ReferralId referralId, String diagnosisCode, String diagnosisName,
                                String conditionDescription, String reason) {
}
