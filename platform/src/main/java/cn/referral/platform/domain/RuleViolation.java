package cn.referral.platform.domain;

/**
 * A domain rule a request broke, in the one shape every service answers as a problem: a stable
 * {@code code} that names the rule, the request {@code field} at fault (may be null; a JSON path such as
 * {@code deductibleFen.INPATIENT.PRIMARY}, so a client can point at it) and a message. Plain Java: this
 * package is the only platform code a service's domain may use ({@code HexagonalArchitecture}).
 */
public abstract class RuleViolation extends RuntimeException {

    private final String code;
    private final String field;

    protected RuleViolation(String code, String field, String message) {
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
