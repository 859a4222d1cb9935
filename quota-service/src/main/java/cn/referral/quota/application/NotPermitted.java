package cn.referral.quota.application;

/** The caller's role does not allow this action. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
