package cn.referral.referral.domain.policy;

import java.util.List;

import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * A down-referral hands the patient on with a continuity plan (at least one follow-up, an
 * optional long prescription within {@link LongPrescriptionLimit}, the contract handover);
 * an up-referral carries none.
 * <p>
 * Seed 004 (医疗联合体管理办法, 第十八条): “主动将急性病恢复期患者、术后恢复期患者及危重症稳定期患者及时转诊至下级医疗卫生机构继续治疗和康复，
 * 为患者提供疾病诊疗—康复—长期护理连续性服务”; seed 001 (七): “建立术后患者随访制度，指导下级医院做好患者术后康复”.
 */
public final class DownReferralContinuity {

    private DownReferralContinuity() {
    }

    public static void check(Direction direction, ContinuityPlan plan) {
        if (direction == Direction.UP) {
            if (plan != null) {
                throw new ReferralRuleViolation("continuity-plan-down-only", "continuityPlan",
                        "only a down-referral carries a continuity plan");
            }
            return;
        }
        if (plan == null || plan.followUps().isEmpty()) {
            throw new ReferralRuleViolation("continuity-plan-required", "continuityPlan",
                    "a down-referral needs a continuity plan with at least one follow-up",
                    List.of("下转患者需明确后续治疗方案与随访计划 (seed 004 第十八条, seed 001 (七))"));
        }
        LongPrescriptionLimit.check(plan.longPrescription());
    }
}
