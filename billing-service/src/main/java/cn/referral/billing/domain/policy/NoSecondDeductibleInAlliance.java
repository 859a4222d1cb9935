package cn.referral.billing.domain.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * 取消医联体内转诊医保二次起付线: a patient transferred within the alliance in the middle of a
 * hospitalisation does not start a second deductible at the target; payable 0.
 * <p>
 * Seed 000 (福建省推进医疗联合体建设和发展实施方案, 五、配套政策): “简化医联体内医保转诊、报销手续，取消医联体内转诊医保二次起付线。”
 * Any kind of 医联体, province-wide.
 * <br>
 * Seed 002 (南卫〔2024〕153号, 16.完善医保支付政策): “对符合规定的转诊住院患者在医共体内取消医保二次起付线”.
 * Nan'an's county 医共体.
 * <p>
 * “二次” presupposes a first deductible in the same stay: the rule speaks of a referral that continues
 * an inpatient episode ({@link SameHospitalisation}). An admission that begins at the target, or
 * after the source stay has ended, pays its first deductible there. Which alliances count is the
 * region policy line's scope; whether an override is “符合规定” is its {@code overridesQualify}.
 */
public final class NoSecondDeductibleInAlliance implements SameStayRelief {

    static final String FUJIAN = "取消医联体内转诊医保二次起付线";
    static final String NANAN = "对符合规定的转诊住院患者在医共体内取消医保二次起付线";
    private static final Map<Seed, String> SENTENCES = Collections.unmodifiableMap(
            new EnumMap<>(Map.of(Seed.SEED_000, FUJIAN, Seed.SEED_002, NANAN)));

    @Override
    public RuleCode code() {
        return RuleCode.NO_SECOND_DEDUCTIBLE;
    }

    @Override
    public Map<Seed, String> sentences() {
        return SENTENCES;
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return Fen.ZERO;
    }
}
