package cn.referral.console.gateway;

import java.util.Map;

/**
 * A problem+json answer of the gateway or a service, kept for the screen that caused it: the status,
 * the readable detail, the stable {@code code} of the rule it names (e.g. {@code outside-catalog}; null when the
 * problem has none) and the message for each field the problem names (e.g. {@code patient.idNumber}).
 */
public class GatewayProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String code;
    private final Map<String, String> fieldErrors;

    public GatewayProblem(int status, String type, String title, String code, String detail,
                          Map<String, String> fieldErrors) {
        super(detail == null ? title : detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.code = code;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The problem's {@code code} member: the rule or reason it names, stable where its English detail is not. */
    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Someone else changed the referral since this user read it (412 on If-Match). */
    public boolean stale() {
        return status == 412;
    }

    public boolean notFound() {
        return status == 404;
    }

    /**
     * The platform could not answer, and asking again later may help: a 5xx (the gateway's 503 when a
     * service's breaker is open, it did not answer in time or is not reachable; 504).
     */
    public boolean outage() {
        return status >= 500;
    }

    /** The problem names this field or one inside it ({@code diagnosis} also for {@code diagnosis.code}). */
    public boolean names(String field) {
        return fieldErrors.keySet().stream().anyMatch(named -> named.equals(field) || named.startsWith(field + "."));
    }
}
