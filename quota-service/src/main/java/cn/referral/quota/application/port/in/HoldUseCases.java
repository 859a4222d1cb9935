package cn.referral.quota.application.port.in;

import cn.referral.quota.domain.HoldRequest;
import cn.referral.quota.domain.ReleaseReason;
import reactor.core.publisher.Mono;

/** What referral events do to the ledger. Every operation is idempotent per referral. */
public interface HoldUseCases {

    /** A referral was submitted: hold a reserved unit, or waitlist it, or answer unavailable. */
    Mono<Placement> place(HoldRequest request);

    /** The hospital accepted the referral: confirm its hold. */
    Mono<Void> confirm(String referralId);

    /** The referral was rejected, cancelled or expired: release its unit, handing it on. */
    Mono<Void> release(String referralId, ReleaseReason reason);
}
