package cn.referral.billing.domain.decision;

/** UP to a higher level of care, DOWN to a lower one (e.g. for recovery at primary care). */
public enum Direction {
    UP, DOWN
}
