package cn.referral.quota.domain;

import cn.referral.platform.domain.RuleViolation;

/** A request broke a quota policy rule ({@link RuleViolation}: a stable code naming the rule, no field, a message). */
public class QuotaRuleViolation extends RuleViolation {

    public QuotaRuleViolation(String code, String message) {
        super("quota", code, null, message);
    }
}
