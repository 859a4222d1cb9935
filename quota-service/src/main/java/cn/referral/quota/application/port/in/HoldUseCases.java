package cn.referral.quota.application.port.in;

import java.time.Instant;

import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.pool.ReleaseReason;
import reactor.core.publisher.Mono;

/** What referral events do to the ledger. Every operation is idempotent per referral. */
public interface HoldUseCases {

    /** A referral was submitted: hold a reserved unit, or waitlist it, or answer unavailable. */
    default Mono<Placement> place(SubmittedReferral referral) {
        return place(referral, null);
    }

    /**
     * As {@link #place(SubmittedReferral)}, by a delivery that took the submission over from an earlier one that was
     * abandoned at {@code earlierDeliveryAbandonedAt} (its process crashed or lost the event's partition; null when
     * there was none): a placement that delivery claimed before then and did not finish is taken over at once,
     * instead of after the placement lease.
     */
    Mono<Placement> place(SubmittedReferral referral, Instant earlierDeliveryAbandonedAt);

    /** The hospital accepted the referral: confirm its hold. */
    Mono<Void> confirm(ReferralId referralId);

    /** The referral was rejected, cancelled or expired: release its unit, handing it on. */
    Mono<Void> release(ReferralId referralId, ReleaseReason reason);

    /**
     * Releases every hold not confirmed by its {@code expiresAt} and hands the units on, so a lost
     * cancel or expiry never keeps a unit; safe on every replica at once. Emits the holds released.
     */
    Mono<Long> releaseExpiredHolds();
}
