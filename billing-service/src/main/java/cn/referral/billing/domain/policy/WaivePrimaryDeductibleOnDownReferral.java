package cn.referral.billing.domain.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * 取消当次基层住院起付线: a patient referred down from a higher-level hospital for follow-up care
 * is admitted at primary care (基层) without that stay's deductible; payable 0.
 * <p>
 * Seed 001 (吉市政办发(2017)52号, (五)3 鼓励上级医院向下级医院转诊):
 * “对上级医院向下级医院转诊开展后续治疗的患者取消当次基层住院起付线。”
 * <p>
 * It speaks of DOWN referrals for INPATIENT care whose target is a primary-care institution
 * (社区卫生服务中心, 乡镇卫生院, 村卫生室). Only seed 001 states it: a region whose own document does
 * not say it does not carry it.
 */
public final class WaivePrimaryDeductibleOnDownReferral implements DeductiblePolicy {

    static final String JILIN = "对上级医院向下级医院转诊开展后续治疗的患者取消当次基层住院起付线";
    private static final Map<Seed, String> SENTENCES = Collections.unmodifiableMap(
            new EnumMap<>(Map.of(Seed.SEED_001, JILIN)));

    @Override
    public RuleCode code() {
        return RuleCode.WAIVE_PRIMARY_DEDUCTIBLE;
    }

    @Override
    public Map<Seed, String> sentences() {
        return SENTENCES;
    }

    @Override
    public Fit fits(ReferredCare care, RuleTerms terms) {
        if (care.direction() != Direction.DOWN) {
            return Fit.no("an UP referral: the rule speaks of 上级医院向下级医院转诊");
        }
        if (care.careType() != CareType.INPATIENT) {
            return Fit.no(care.careType() + " care: the rule speaks of 基层住院");
        }
        if (!care.to().level().isPrimaryCare()) {
            return Fit.no("the target is " + care.to().level() + ", not primary care (基层)");
        }
        return Fit.YES;
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return Fen.ZERO;
    }
}
