package cn.referral.referral.domain.policy;

import cn.referral.referral.domain.referral.LongPrescription;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

/**
 * A long prescription handed over with a down-referral covers at most two months (60 days).
 * <p>
 * Seed 001 (吉林市推进多层次医疗联合体建设实施方案, (六)): “探索对部分慢性病签约患者提供不超过2个月用药量的长处方服务”.
 */
public final class LongPrescriptionLimit {

    public static final int MAX_DAYS = 60;

    private LongPrescriptionLimit() {
    }

    public static void check(LongPrescription prescription) {
        if (prescription == null) {
            return;
        }
        if (prescription.days() < 1 || prescription.days() > MAX_DAYS) {
            throw new ReferralRuleViolation("long-prescription-limit",
                    "continuityPlan.longPrescription.days must be between 1 and " + MAX_DAYS
                            + " (不超过2个月用药量), is " + prescription.days());
        }
        if (prescription.medications().isEmpty()) {
            throw new ReferralRuleViolation("long-prescription-limit",
                    "continuityPlan.longPrescription.medications must name at least one medication");
        }
    }
}
