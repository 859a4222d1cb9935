package cn.referral.quota.application;

/** No such pool, or not one the caller's institution may see (both answer the same). */
public class PoolNotFound extends RuntimeException {

    private final String what;
    private final String id;

    public PoolNotFound(String what, String id) {
        super("No " + what + " " + id);
        this.what = what;
        this.id = id;
    }

    public String what() {
        return what;
    }

    public String id() {
        return id;
    }
}
