package cn.referral.billing.domain.policy;

import java.util.Map;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * No relief: the target level's whole deductible is payable. What applies when no other rule of
 * the region does, or where the region policy says so explicitly (e.g. between alliances). No seed
 * states it; it is the absence of a relief, so it cites none.
 */
public final class FullDeductible implements DeductiblePolicy {

    static final String BASIS = "no deductible relief applies: full deductible of the target level";

    @Override
    public RuleCode code() {
        return RuleCode.FULL;
    }

    @Override
    public Map<Seed, String> sentences() {
        return Map.of();
    }

    @Override
    public String basis() {
        return BASIS;
    }

    @Override
    public Fit fits(ReferredCare care, RuleTerms terms) {
        return Fit.YES;
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return standard;
    }
}
