package cn.referral.referral.domain.policy;

import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * A referral that names the department it goes to ({@code toDepartment}) names one the target institution has,
 * as the registry lists its departments; an institution that lists none (a community centre often does not)
 * accepts any, and a referral that names none (a down-referral may not) is not checked.
 * <p>
 * No seed sentence states this rule: it keeps the data whole, so that the department the target's desk and
 * quota's department pools see is one that exists there.
 */
public final class KnownDepartment {

    private KnownDepartment() {
    }

    /** Fails with {@code unknown-department} on {@code toDepartment} if {@code target} has no such department. */
    public static void check(Institution target, String department) {
        if (department != null && !target.hasDepartment(department)) {
            throw new ReferralRuleViolation("unknown-department", "toDepartment",
                    target.name() + " has no department " + department);
        }
    }
}
