package cn.referral.billing.domain.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * 连续计算起付线: the transfer continues one hospitalisation, so the deductible is counted across it.
 * The patient pays only what the target level's deductible asks beyond what was already paid at
 * the source: {@code payable = max(0, target deductible − already paid)}.
 * <p>
 * Seed 001 (吉市政办发(2017)52号, (五)3): “对符合规定的转诊住院患者可以连续计算起付线。”
 * <br>
 * Seed 003 (温政办〔2020〕94号, 13.建立分级诊疗制度): “在医联体内按规定转诊的同一次住院可连续计算起付线”.
 * <p>
 * It speaks of referred inpatients in the same hospitalisation ({@link SameStayRelief}).
 * Whether it holds everywhere (001) or inside the alliance (003) is the region policy's scope; what
 * already paid may count is bounded first ({@link AlreadyPaidWithinSourceDeductible}).
 */
public final class ContinuousDeductible implements SameStayRelief {

    static final String JILIN = "对符合规定的转诊住院患者可以连续计算起付线";
    static final String WENZHOU = "在医联体内按规定转诊的同一次住院可连续计算起付线";
    private static final Map<Seed, String> SENTENCES = Collections.unmodifiableMap(
            new EnumMap<>(Map.of(Seed.SEED_001, JILIN, Seed.SEED_003, WENZHOU)));

    @Override
    public RuleCode code() {
        return RuleCode.CONTINUOUS;
    }

    @Override
    public Map<Seed, String> sentences() {
        return SENTENCES;
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return standard.minusFloorZero(care.alreadyPaid());
    }
}
