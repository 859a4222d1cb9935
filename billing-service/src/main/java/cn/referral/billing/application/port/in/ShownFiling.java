package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.filing.TransferFiling;

/**
 * A 转院备案 record as one caller may see it, once the read is recorded: the insured person number in
 * full only for the insurer of its insuring region, masked to its last 4 characters for anyone else.
 */
public record ShownFiling(TransferFiling filing, boolean insuredPersonNoInFull) {

    public String insuredPersonNo() {
        return insuredPersonNoInFull ? filing.insuredPersonNo().value() : filing.insuredPersonNo().toString();
    }
}
