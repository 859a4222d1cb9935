package cn.referral.quota.domain;

/**
 * 预留20%以上的专家号源、住院床位和预约检查 for patients referred up from primary care (seed 001:
 * "二级以上医院要预留20%以上的专家号源、住院床位、预约检查等资源, 优先向基层转诊患者开放"; seed 002 likewise).
 * A pool must reserve at least {@code ceil(20% × capacity)} of its units for referrals.
 */
public final class ReservedShareRule {

    /** The share, in percent, that policy asks hospitals to reserve. */
    public static final int MINIMUM_PERCENT = 20;

    private ReservedShareRule() {
    }

    /** The smallest reserve that satisfies the rule for a pool of {@code capacity} units. */
    public static int minimumReserve(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity cannot be negative: " + capacity);
        }
        // integer ceiling of capacity × 20 / 100, without floating point
        return (capacity * MINIMUM_PERCENT + 99) / 100;
    }

    public static boolean isSatisfiedBy(int capacity, int reserved) {
        return reserved >= minimumReserve(capacity) && reserved <= capacity;
    }
}
