package cn.referral.referral.domain.kpi;

import cn.referral.referral.domain.referral.ReferralScope;

/**
 * How many up-referrals of one diagnosis category (ICD-10 three characters, e.g. {@code I63}) went
 * this far; {@code scope} is {@code null} for referrals whose regions were not known at submission.
 */
public record DiagnosisScopeCount(String diagnosisCategory, ReferralScope scope, long count) {
}
