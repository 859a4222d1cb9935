package cn.referral.registry.domain;

import cn.referral.platform.domain.RuleViolation;

/** A registry rule a request broke ({@link RuleViolation}: code, field (may be null), message). */
public class RegistryRuleViolation extends RuleViolation {

    public RegistryRuleViolation(String code, String message) {
        this(code, null, message);
    }

    public RegistryRuleViolation(String code, String field, String message) {
        super("registry", code, field, message);
    }

    /** {@code text} as given, unless it is null or blank: then this violation. */
    public static String requireText(String text, String code, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new RegistryRuleViolation(code, field, message);
        }
        return text;
    }
}
