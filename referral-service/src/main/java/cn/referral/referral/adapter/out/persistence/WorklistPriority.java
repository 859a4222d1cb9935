package cn.referral.referral.adapter.out.persistence;

import cn.referral.referral.domain.referral.Referral;

/**
 * The stored sort key of the worklists: higher urgency first (EMERGENCY, the 绿色通道, on top),
 * then the oldest submission — {@code priority} descending, {@code submittedAt} ascending.
 * Seed 001 (五) 2: “医联体内上级医院对下级医院的转诊患者提供优先接诊”.
 */
final class WorklistPriority {

    private WorklistPriority() {
    }

    static int of(Referral referral) {
        return referral.urgency().rank();
    }
}
