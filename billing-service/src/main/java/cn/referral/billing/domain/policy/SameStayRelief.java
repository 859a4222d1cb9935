package cn.referral.billing.domain.policy;

import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.decision.ReferredCare;

/**
 * A relief for a referred inpatient (转诊住院患者) whose hospitalisation continues across the referral
 * ({@link SameHospitalisation}): no second deductible (seeds 000, 002) and the continuous deductible
 * (seeds 001, 003) speak of the same referrals and differ only in what remains to pay.
 */
public sealed interface SameStayRelief extends DeductiblePolicy
        permits NoSecondDeductibleInAlliance, ContinuousDeductible {

    @Override
    default Fit fits(ReferredCare care, RuleTerms terms) {
        if (care.careType() != CareType.INPATIENT) {
            return Fit.no(care.careType() + " care: the rule speaks of 转诊住院患者");
        }
        return SameHospitalisation.check(care, terms.sameStayMaxGapDays());
    }
}
