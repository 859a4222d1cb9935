package cn.referral.quota.domain.pool;

/** The care a referral asks for. */
public enum CareType {
    OUTPATIENT, INPATIENT, EXAMINATION
}
