package cn.referral.platform.domain;

/**
 * A domain rule a request broke, in the one shape every service answers as a problem: the {@code area} whose
 * rule it is (the service, e.g. {@code registry}), a stable {@code code} that names the rule, the request
 * {@code field} at fault (may be null; a JSON path such as {@code deductibleFen.INPATIENT.PRIMARY}, so a client
 * can point at it) and a message. The platform answers it 422 with the type {@code <area>/<code>}. Plain Java:
 * this package is the only platform code a service's domain may use ({@code HexagonalArchitecture}).
 */
public abstract class RuleViolation extends RuntimeException {

    private final String area;
    private final String code;
    private final String field;

    protected RuleViolation(String area, String code, String field, String message) {
        super(message);
        this.area = area;
        this.code = code;
        this.field = field;
    }

    /** Whose rule it is: the service, the first segment of the problem type ({@code registry}, {@code quota}, …). */
    public String area() {
        return area;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
