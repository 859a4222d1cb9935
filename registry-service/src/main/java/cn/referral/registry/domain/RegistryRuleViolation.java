package cn.referral.registry.domain;

/**
 * A registry rule a request broke; {@code code} is stable and names the rule, {@code field} (may be
 * null) names the request field at fault.
 */
public class RegistryRuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    public RegistryRuleViolation(String code, String message) {
        this(code, null, message);
    }

    public RegistryRuleViolation(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
