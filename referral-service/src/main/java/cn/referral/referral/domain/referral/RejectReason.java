package cn.referral.referral.domain.referral;

/** Why a target institution turned a referral down; stable codes, counted in reports. */
public enum RejectReason {
    NO_CAPACITY,
    OUTSIDE_SCOPE,
    NEEDS_DIFFERENT_DEPARTMENT,
    NEEDS_DIFFERENT_INSTITUTION,
    INCOMPLETE_INFORMATION,
    NOT_INDICATED
}
