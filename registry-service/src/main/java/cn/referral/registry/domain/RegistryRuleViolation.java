package cn.referral.registry.domain;

/** A registry rule a request broke; {@code code} is stable and names the rule. */
public class RegistryRuleViolation extends RuntimeException {

    private final String code;

    public RegistryRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
