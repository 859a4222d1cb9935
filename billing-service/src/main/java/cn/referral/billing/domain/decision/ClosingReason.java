package cn.referral.billing.domain.decision;

/** Why a referral ended without care at the target, which revokes its decision. */
public enum ClosingReason {
    REFERRAL_CANCELLED, REFERRAL_EXPIRED, REFERRAL_NO_SHOW
}
