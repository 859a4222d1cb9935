package cn.referral.billing.domain.rules;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RuleCode;

/**
 * 连续计算起付线: the transfer continues one hospitalisation, so the deductible is counted across it.
 * The patient pays only what the target level's deductible asks beyond what was already paid at
 * the source: {@code payable = max(0, target deductible − already paid)}.
 * <p>
 * Seed 001 (吉市政办发(2017)52号, (五)3): “对符合规定的转诊住院患者可以连续计算起付线。”
 * <br>
 * Seed 003 (温政办〔2020〕94号, 13.建立分级诊疗制度): “在医联体内按规定转诊的同一次住院可连续计算起付线”.
 * <p>
 * It speaks of referred inpatients in the same hospitalisation: care type INPATIENT with a source
 * episode. Whether it holds everywhere (001) or inside the alliance (003) is the region policy's scope.
 */
public final class ContinuousDeductible implements DeductiblePolicy {

    static final String BASIS = "对符合规定的转诊住院患者可以连续计算起付线 (吉市政办发(2017)52号); "
            + "在医联体内按规定转诊的同一次住院可连续计算起付线 (温政办〔2020〕94号)";

    @Override
    public RuleCode code() {
        return RuleCode.CONTINUOUS;
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
        return standard.minusFloorZero(care.alreadyPaid());
    }
}
