package cn.referral.referral.domain.policy;

import java.util.List;

import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * An up-referral goes to an institution of a higher functional level than its source, a
 * down-referral to a lower one; both must be known and active.
 * <p>
 * Seed 001 (四) 落实医疗机构功能定位: “县（区）级医院。主要提供县域内常见病、多发病诊疗，以及急危重症患者抢救和疑难复杂疾病向上转诊服务”;
 * (五) 2: “同时要畅通上级医院对下级医院的向下转诊渠道，重点畅通慢性期、恢复期患者向下转诊渠道”.
 */
public final class LevelDirectionRule {

    private LevelDirectionRule() {
    }

    public static String check(Direction direction, Institution source, Institution target) {
        if (!source.active()) {
            throw new ReferralRuleViolation("inactive-institution", "fromInstitutionId",
                    source.id() + " is not an active institution");
        }
        if (!target.active()) {
            throw new ReferralRuleViolation("inactive-institution", "toInstitutionId",
                    target.id() + " is not an active institution");
        }
        boolean fits = direction == Direction.UP ? target.level().isAbove(source.level())
                : source.level().isAbove(target.level());
        String levels = source.level() + " → " + target.level();
        if (!fits) {
            throw new ReferralRuleViolation("direction-level-mismatch", null,
                    "A " + direction + " referral must go to a " + (direction == Direction.UP ? "higher" : "lower")
                            + "-level institution (" + levels + ")",
                    List.of(direction == Direction.UP ? "上转须转往更高层级医疗机构" : "下转须转往更低层级医疗机构", levels));
        }
        return direction + " referral " + levels + " fits the functional levels (功能定位)";
    }
}
