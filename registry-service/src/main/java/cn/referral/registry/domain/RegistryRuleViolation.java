package cn.referral.registry.domain;

import cn.referral.platform.domain.RuleViolation;

/** A registry rule a request broke ({@link RuleViolation}: code, field (may be null), message). */
public class RegistryRuleViolation extends RuleViolation {

    public RegistryRuleViolation(String code, String message) {
        this(code, null, message);
    }

    public RegistryRuleViolation(String code, String field, String message) {
        super(code, field, message);
    }
}
