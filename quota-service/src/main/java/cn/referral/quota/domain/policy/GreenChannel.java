package cn.referral.quota.domain.policy;

import cn.referral.quota.domain.Urgency;

/**
 * 绿色通道: an emergency referral is never refused for want of reserved units. When the reserve is
 * full it is held beyond it, as a green-channel hold counted apart from the reserve. Seed 001:
 * "通过预留20%以上的号源、开通绿色通道等方式, 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务";
 * seed 002: "完善急救网络…畅通绿色转诊通道".
 */
public final class GreenChannel {

    private GreenChannel() {
    }

    /** Whether a referral of this urgency is held even when the reserve is full. */
    public static boolean admitsBeyondReserve(Urgency urgency) {
        return urgency == Urgency.EMERGENCY;
    }
}
