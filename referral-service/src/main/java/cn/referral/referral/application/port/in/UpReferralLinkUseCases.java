package cn.referral.referral.application.port.in;

import reactor.core.publisher.Mono;

/** Repairs the closed loop's second write after a crash: see {@code UpReferralLinks}. */
public interface UpReferralLinkUseCases {

    /** Makes the links still pending from earlier submissions; the number made. */
    Mono<Long> linkPending();
}
