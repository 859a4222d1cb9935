package cn.referral.referral.domain.referral;

import java.util.List;

/** A referral rule the request broke; {@code code} is stable and names the rule. */
public class ReferralRuleViolation extends RuntimeException {

    private final String code;
    private final List<String> explanation;

    public ReferralRuleViolation(String code, String message) {
        this(code, message, List.of());
    }

    public ReferralRuleViolation(String code, String message, List<String> explanation) {
        super(message);
        this.code = code;
        this.explanation = List.copyOf(explanation);
    }

    public String code() {
        return code;
    }

    public List<String> explanation() {
        return explanation;
    }
}
