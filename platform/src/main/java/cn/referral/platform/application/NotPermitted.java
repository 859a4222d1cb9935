package cn.referral.platform.application;

import java.util.Objects;

/**
 * The caller may see what they ask about (or use the endpoint), but their role or institution may not do this:
 * 403. {@code code} names the rule that forbids it (e.g. {@code own-institution}, {@code auditors-only}), so a
 * client tells the refusals apart without reading the message. Thrown by the services' application layers; the
 * platform's {@code SharedProblems} answers it for every service (type {@code forbidden}, member {@code code}).
 */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
