package cn.referral.billing.application.port.in;

import reactor.core.publisher.Mono;

/** Registers a referral's 转院备案 (2501) once its decision is issued, and revokes it (2502) with the decision. */
public interface TransferFilingUseCases {

    Mono<Void> referralAccepted(AcceptedForFiling referral);

    Mono<Void> referralClosed(ClosedReferral referral);
}
