package cn.referral.quota.domain.pool;

/** The capacity that matters for pools: the desk manages them, doctors refer patients to them. */
public enum ActorRole {
    /** 转诊服务中心: the referral desk of an institution */
    REFERRAL_DESK,
    /** a primary or a hospital doctor */
    DOCTOR,
    /** anyone else (an insurer, an auditor) */
    OTHER
}
