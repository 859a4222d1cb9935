package cn.referral.platform.application;

/**
 * The caller may see what they ask about (or use the endpoint), but their role or institution may not do this:
 * 403. {@code code} names the rule where a service states one (null otherwise). Thrown by the services'
 * application layers; the platform's {@code SharedProblems} answers it for every service (type {@code forbidden},
 * member {@code code} where there is one).
 */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String message) {
        this(null, message);
    }

    public NotPermitted(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
