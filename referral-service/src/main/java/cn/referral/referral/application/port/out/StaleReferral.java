package cn.referral.referral.application.port.out;

/** The referral changed since the version a write was based on. */
public class StaleReferral extends RuntimeException {

    private final String referralId;
    private final long expectedVersion;

    public StaleReferral(String referralId, long expectedVersion) {
        super("Referral " + referralId + " is no longer at version " + expectedVersion);
        this.referralId = referralId;
        this.expectedVersion = expectedVersion;
    }

    public String referralId() {
        return referralId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
