package cn.referral.quota.domain.waitlist;

import cn.referral.quota.domain.policy.WaitlistOrder;

/** The priority classes of the waitlist, best first (see {@link WaitlistOrder}). */
public enum WaitlistClass {
    /** 急危重症, 绿色通道 */
    EMERGENCY,
    URGENT,
    /** 签约患者: the patient has a family-doctor contract */
    CONTRACTED,
    /** everyone else, first come first served */
    ROUTINE
}
