package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.DeductibleDecision;

/**
 * A decision as one reader may see it: the insured person number (医保人员编号) in full only for the
 * insurer of the decision's region, who settles it; masked to its last 4 characters for everyone
 * else (DESIGN §5: "The same for insured person numbers outside the insurer of the patient's region").
 */
public record ShownDecision(DeductibleDecision decision, boolean insuredPersonNoInFull) {

    public String insuredPersonNo() {
        return insuredPersonNoInFull ? decision.insuredPersonNo().value() : decision.insuredPersonNo().toString();
    }
}
