package cn.referral.billing.domain;

/**
 * A billing rule that a schedule, a policy or a request broke. {@code code} is stable and names the
 * rule; {@code field} is the request field at fault (a JSON path such as
 * {@code deductibleFen.INPATIENT.PRIMARY}), so a client can point at it.
 */
public class BillingRuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    public BillingRuleViolation(String code, String field, String message) {
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
