package cn.referral.referral.application;

/** The Idempotency-Key was used before for a different request body. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different request; use a new key for a new referral");
    }
}
