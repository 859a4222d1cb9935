package cn.referral.quota.domain.pool;

/** A hold is taken when a referral is submitted and confirmed when the hospital accepts it. */
public enum HoldStatus {
    HELD, CONFIRMED
}
