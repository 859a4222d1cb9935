package cn.referral.quota.domain.pool;

/** Why a held unit went back: the referral was rejected, cancelled, or not accepted in time. */
public enum ReleaseReason {
    REJECTED, CANCELLED, EXPIRED
}
