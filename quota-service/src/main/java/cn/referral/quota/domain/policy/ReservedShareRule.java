package cn.referral.quota.domain.policy;

import cn.referral.quota.domain.QuotaRuleViolation;

/**
 * 预留20%以上: hospitals keep at least a fifth of their expert clinic slots, beds and examinations for
 * referred patients. Seed 001: "上级医院应确定专人与下级医疗卫生机构对口联系,并通过预留20%以上的号源、开通绿色通道等方式,
 * 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务。" Seed 002: "总医院牵头医院和片区诊疗中心在专家号源、
 * 住院床位和预约检查等方面预留20%以上的资源优先保障患者转诊。"
 * <p>
 * A pool must reserve at least {@code ceil(20% × capacity)} of its units for referrals, and cannot
 * reserve more than it has.
 */
public final class ReservedShareRule {

    /** The share, in percent, that policy asks hospitals to reserve. */
    public static final int MINIMUM_PERCENT = 20;
    /** Stable code of the rule, quoted in the 422 answer. */
    public static final String CODE = "reserved-share";

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

    /** Fails with a {@link QuotaRuleViolation} naming the rule when the pool would break it. */
    public static void check(int capacity, int reserved) {
        if (reserved > capacity) {
            throw new QuotaRuleViolation(CODE, "A pool cannot reserve more units (" + reserved
                    + ") than it has (" + capacity + ")");
        }
        if (!isSatisfiedBy(capacity, reserved)) {
            throw new QuotaRuleViolation(CODE, "预留20%以上: a pool of " + capacity + " units must reserve at least "
                    + minimumReserve(capacity) + " for referrals (ceil(20% × capacity)), not " + reserved);
        }
    }
}
