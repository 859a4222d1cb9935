package cn.referral.billing.application;

/** The caller's role does not allow this action (403). Reads of a decision answer 404 instead. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
