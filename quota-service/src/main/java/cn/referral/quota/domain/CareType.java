package cn.referral.quota.domain;

/** The care a referral asks for. */
public enum CareType {
    OUTPATIENT, INPATIENT, EXAMINATION
}
