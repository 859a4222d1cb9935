package cn.referral.billing.domain.policy;

import cn.referral.billing.domain.decision.ReferredCare;

/**
 * 符合规定/按规定转诊: a referral made by the rules. The seeds grant their reliefs to referrals
 * “符合规定” (001, 002) or “按规定” (003) without saying what that means; the platform's rules for a
 * referral are the catalogs (001 (五)1: 确定医联体内不同层级医疗机构诊疗病种目录及上转、下转病种目录),
 * so a referral in the catalog is in order. Whether one outside it, with the doctor's override
 * reason, is in order too is the region's choice, per policy line ({@code overridesQualify}).
 * A referral whose eligibility the event does not state is not taken to be in the catalog.
 * <p>
 * Seed 001 (吉市政办发(2017)52号): “对符合规定的转诊住院患者可以连续计算起付线”.
 * <br>
 * Seed 002 (南卫〔2024〕153号): “对符合规定的转诊住院患者在医共体内取消医保二次起付线”.
 * <br>
 * Seed 003 (温政办〔2020〕94号): “在医联体内按规定转诊的同一次住院可连续计算起付线”.
 */
public final class ReferralInOrder {

    static final String BASIS = "对符合规定的转诊住院患者 (吉市政办发(2017)52号; 南卫〔2024〕153号); "
            + "按规定转诊 (温政办〔2020〕94号)";

    private ReferralInOrder() {
    }

    public static Fit check(ReferredCare care, boolean overridesQualify) {
        return switch (care.eligibility()) {
            case CATALOG -> Fit.YES;
            case OVERRIDE -> overridesQualify ? Fit.YES
                    : Fit.no("referred outside the catalog (override): the region does not count it as 符合规定");
            case UNKNOWN -> overridesQualify ? Fit.YES
                    : Fit.no("the referral's eligibility is not known: not shown to be 符合规定");
        };
    }
}
