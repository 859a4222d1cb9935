package cn.referral.quota.application.port.in;

import cn.referral.quota.domain.ReferralId;
import cn.referral.quota.domain.ReleaseReason;
import reactor.core.publisher.Mono;

/** What referral events do to the ledger. Every operation is idempotent per referral. */
public interface HoldUseCases {

    /** A referral was submitted: hold a reserved unit, or waitlist it, or answer unavailable. */
    Mono<Placement> place(SubmittedReferral referral);

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
