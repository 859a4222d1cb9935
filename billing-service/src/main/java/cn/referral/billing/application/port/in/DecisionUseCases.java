package cn.referral.billing.application.port.in;

import reactor.core.publisher.Mono;

/** Issuing and revoking deductible decisions as referrals are accepted and closed. Both are idempotent. */
public interface DecisionUseCases {

    /**
     * Issues the referral's one decision. Issues nothing if the referral already has a decision or
     * was closed before (an accept that arrives after its cancel). Fails with
     * {@code ReferenceDataMissing} when an institution is not in the local registry view yet.
     */
    Mono<Void> referralAccepted(AcceptedReferral referral);

    /** Revokes the referral's decision, or remembers the referral as closed so a late accept issues nothing. */
    Mono<Void> referralClosed(ClosedReferral referral);
}
