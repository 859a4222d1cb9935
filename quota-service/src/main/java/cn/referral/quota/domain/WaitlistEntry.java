package cn.referral.quota.domain;

import java.time.Instant;
import java.util.Objects;

/** A referral waiting for a unit of a full pool. Entries are kept in arrival order. */
public record WaitlistEntry(String referralId, Urgency urgency, boolean contracted, Instant acceptBy,
                            Instant enqueuedAt) {

    public WaitlistEntry {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    public WaitlistClass waitlistClass() {
        return WaitlistOrder.classOf(urgency, contracted);
    }
}
