package cn.referral.referral.domain.referral;

/** Why the referring side withdrew a referral; stable codes. */
public enum CancelReason {
    PATIENT_DECLINED,
    PATIENT_CONDITION_CHANGED,
    TREATED_LOCALLY,
    PATIENT_DECEASED,
    DUPLICATE,
    ENTERED_IN_ERROR
}
