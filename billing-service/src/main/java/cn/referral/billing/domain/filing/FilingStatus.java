package cn.referral.billing.domain.filing;

/** A 转院备案 is registered (2501) or revoked (2502). */
public enum FilingStatus {
    REGISTERED, REVOKED
}
