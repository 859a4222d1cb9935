package cn.referral.billing.domain.rules;

import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RuleCode;

/**
 * No relief: the target level's whole deductible is payable. What applies when no other rule of
 * the region does, or where the region policy says so explicitly (e.g. between alliances).
 */
public final class FullDeductible implements DeductiblePolicy {

    static final String BASIS = "no deductible relief applies: full deductible of the target level";

    @Override
    public RuleCode code() {
        return RuleCode.FULL;
    }

    @Override
    public String basis() {
        return BASIS;
    }

    @Override
    public boolean appliesTo(ReferredCare care) {
        return true;
    }

    @Override
    public Fen payable(ReferredCare care, Fen standard) {
        return standard;
    }
}
