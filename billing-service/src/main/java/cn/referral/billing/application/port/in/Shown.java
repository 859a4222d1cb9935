package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.decision.RevocableRecord;

/**
 * A deductible decision or a 转院备案 as one reader may see it, once the read is recorded: the insured person number
 * (医保人员编号) in full only for the insurer of its insuring region, who settles it; masked to its last 4 characters
 * for everyone else (DESIGN §5: "The same for insured person numbers outside the insurer of the patient's region").
 */
public record Shown<R extends RevocableRecord>(R record, boolean insuredPersonNoInFull) {

    public String insuredPersonNo() {
        return insuredPersonNoInFull ? record.insuredPersonNo().value() : record.insuredPersonNo().toString();
    }
}
