package cn.referral.quota.application.port.in;

import reactor.core.publisher.Mono;

/** Releases the unheld reserve of every pool whose cutoff has come; safe to run on every replica. */
public interface ReserveCutoffUseCase {

    /** Emits how many pools released their reserve in this run. */
    Mono<Long> releaseDueReserves();
}
