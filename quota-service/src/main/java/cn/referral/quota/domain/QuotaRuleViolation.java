package cn.referral.quota.domain;

/** A request broke a quota policy rule; {@code code} is stable and names the rule. */
public class QuotaRuleViolation extends RuntimeException {

    private final String code;

    public QuotaRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
