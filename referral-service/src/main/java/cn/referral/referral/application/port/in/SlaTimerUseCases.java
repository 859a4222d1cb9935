package cn.referral.referral.application.port.in;

import reactor.core.publisher.Mono;

public interface SlaTimerUseCases {

    /** Applies every deadline that has passed (escalation, expiry, no-show); emits how many referrals changed. */
    Mono<Long> applyDueDeadlines();
}
