package cn.referral.billing.domain;

/** 职工医保 (employees) or 城乡居民医保 (residents): each has its own deductibles. */
public enum InsuranceScheme {
    EMPLOYEE, RESIDENT
}
