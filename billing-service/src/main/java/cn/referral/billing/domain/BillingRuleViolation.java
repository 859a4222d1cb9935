package cn.referral.billing.domain;

import cn.referral.platform.domain.RuleViolation;

/** A billing rule that a schedule, a policy or a request broke ({@link RuleViolation}: code, field, message). */
public class BillingRuleViolation extends RuleViolation {

    public BillingRuleViolation(String code, String field, String message) {
        super("billing", code, field, message);
    }
}
