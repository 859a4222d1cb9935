package cn.referral.referral.domain.referral;

/** 职工医保 or 城乡居民医保: the deductible schedules differ. */
public enum InsuranceScheme {
    EMPLOYEE, RESIDENT
}
