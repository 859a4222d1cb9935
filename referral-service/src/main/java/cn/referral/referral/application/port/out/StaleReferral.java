package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.ReferralId;

/** The referral changed since the version a write was based on. */
public class StaleReferral extends RuntimeException {

    private final ReferralId referralId;
    private final long expectedVersion;

    public StaleReferral(ReferralId referralId, long expectedVersion) {
        super("Referral " + referralId + " is no longer at version " + expectedVersion);
        this.referralId = referralId;
        this.expectedVersion = expectedVersion;
    }

    public ReferralId referralId() {
        return referralId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
