package cn.referral.referral.domain.referral;

import java.util.List;

import cn.referral.platform.domain.RuleViolation;

/**
 * A referral rule the request broke ({@link RuleViolation}: a stable code naming the rule, the request field at
 * fault or null, a message), with the policy lines that explain it where a policy decided.
 */
public class ReferralRuleViolation extends RuleViolation {

    private final List<String> explanation;

    public ReferralRuleViolation(String code, String message) {
        this(code, null, message);
    }

    public ReferralRuleViolation(String code, String field, String message) {
        this(code, field, message, List.of());
    }

    public ReferralRuleViolation(String code, String field, String message, List<String> explanation) {
        super("referral", code, field, message);
        this.explanation = List.copyOf(explanation);
    }

    public List<String> explanation() {
        return explanation;
    }
}
