package cn.referral.referral.domain.referral;

/** 上转 (to a higher-level institution) or 下转 (back to a lower-level one). */
public enum Direction {
    UP, DOWN
}
