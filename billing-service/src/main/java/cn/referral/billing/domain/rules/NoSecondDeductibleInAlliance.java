package cn.referral.billing.domain.rules;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RuleCode;

/**
 * 取消医联体内转诊医保二次起付线: a patient transferred within the alliance in the middle of a
 * hospitalisation does not start a second deductible at the target; payable 0.
 * <p>
 * Seed 000 (福建省推进医疗联合体建设和发展实施方案): “简化医联体内医保转诊、报销手续，取消医联体内转诊医保二次起付线。”
 * <br>
 * Seed 002 (南卫〔2024〕153号, 16.完善医保支付政策): “对符合规定的转诊住院患者在医共体内取消医保二次起付线”.
 * <p>
 * “二次” presupposes a first: the rule speaks of a referral that continues an inpatient episode
 * (care type INPATIENT with a source episode). An admission that begins at the target pays its
 * first deductible there. Which alliances count is the region policy's scope.
 */
public final class NoSecondDeductibleInAlliance implements DeductiblePolicy {

    static final String BASIS = "取消医联体内转诊医保二次起付线 (福建省推进医疗联合体建设和发展实施方案); "
            + "对符合规定的转诊住院患者在医共体内取消医保二次起付线 (南卫〔2024〕153号)";

    @Override
    public RuleCode code() {
        return RuleCode.NO_SECOND_DEDUCTIBLE;
    }

    @Override
    public String basis() {
        return BASIS;
    }

    @Override
    public boolean appliesTo(ReferredCare care) {
        return care.continuesAnInpatientEpisode();
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return Fen.ZERO;
    }
}
