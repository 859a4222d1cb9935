package cn.referral.billing.domain;

/** What the patient is referred for; a region may charge a deductible for some care types only. */
public enum CareType {
    OUTPATIENT, INPATIENT, EXAMINATION
}
