package cn.referral.referral.domain.referral;

/** What the patient is referred for: a specialist clinic visit, an inpatient bed or an examination. */
public enum CareType {
    OUTPATIENT, INPATIENT, EXAMINATION
}
