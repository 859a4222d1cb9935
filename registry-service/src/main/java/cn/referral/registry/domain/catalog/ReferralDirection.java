package cn.referral.registry.domain.catalog;

/** 上转 (to a higher level) or 下转 (to a lower level). */
public enum ReferralDirection {
    UP, DOWN
}
