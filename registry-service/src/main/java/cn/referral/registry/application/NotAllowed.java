package cn.referral.registry.application;

/** The caller's role does not allow this change. */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}
