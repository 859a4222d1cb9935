package cn.referral.quota.domain.pool;

/** A change the pool's current state does not allow, e.g. shrinking the reserve below what is held. */
public class PoolStateConflict extends RuntimeException {

    private final String code;

    public PoolStateConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
