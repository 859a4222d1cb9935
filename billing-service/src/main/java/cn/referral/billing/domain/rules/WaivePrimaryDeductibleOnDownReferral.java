package cn.referral.billing.domain.rules;

import cn.referral.billing.domain.Direction;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RuleCode;

/**
 * 取消当次基层住院起付线: a patient referred down from a higher-level hospital for follow-up care
 * is admitted at primary care (基层) without that stay's deductible; payable 0.
 * <p>
 * Seed 001 (吉市政办发(2017)52号, (五)3 鼓励上级医院向下级医院转诊):
 * “对上级医院向下级医院转诊开展后续治疗的患者取消当次基层住院起付线。”
 * <p>
 * It speaks of DOWN referrals for INPATIENT care whose target is a primary-care institution
 * (社区卫生服务中心, 乡镇卫生院, 村卫生室).
 */
public final class WaivePrimaryDeductibleOnDownReferral implements DeductiblePolicy {

    static final String BASIS = "对上级医院向下级医院转诊开展后续治疗的患者取消当次基层住院起付线 (吉市政办发(2017)52号)";

    @Override
    public RuleCode code() {
        return RuleCode.WAIVE_PRIMARY_DEDUCTIBLE;
    }

    @Override
    public String basis() {
        return BASIS;
    }

    @Override
    public boolean appliesTo(ReferredCare care) {
        return care.direction() == Direction.DOWN && care.careType() == CareType.INPATIENT
                && care.to().level().isPrimaryCare();
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return Fen.ZERO;
    }
}
