package cn.referral.referral.application;

/** The caller may see the referral (or use the endpoint) but their role or institution may not do this. */
public class NotPermitted extends RuntimeException {

    private final String code;

    public NotPermitted(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
