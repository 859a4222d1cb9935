package cn.referral.referral.application;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.platform.domain.StaleVersion;
import cn.referral.referral.application.port.in.SlaTimerUseCases;
import cn.referral.referral.application.port.out.ReferralMetrics;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies stored deadlines: every replica runs it, each referral is claimed by one at a time with
 * an atomic update, and the result is saved on the version that was claimed. A referral a user
 * changed meanwhile is left for the next run, which sees its new state.
 */
public class SlaTimerService implements SlaTimerUseCases {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerService.class);

    private final ReferralStore store;
    private final ReferralMetrics metrics;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    public SlaTimerService(ReferralStore store, ReferralMetrics metrics, Clock clock, Duration lease, int batchSize) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    @Override
    public Mono<Long> applyDueDeadlines() {
        return Flux.range(0, batchSize)
                .concatMap(i -> store.claimDue(clock.instant(), lease)
                        .flatMap(this::applyDeadlines)
                        .defaultIfEmpty(ClaimResult.NOTHING_DUE), 1)
                .takeWhile(result -> result != ClaimResult.NOTHING_DUE)
                .filter(result -> result == ClaimResult.CHANGED)
                .count();
    }

    private enum ClaimResult { CHANGED, UNCHANGED, NOTHING_DUE }

    private Mono<ClaimResult> applyDeadlines(Referral referral) {
        Outcome<Referral> outcome = referral.deadlinesPassed(clock.instant());
        if (!outcome.changed()) {
            // nothing due after all: the claim simply runs out
            return Mono.just(ClaimResult.UNCHANGED);
        }
        return store.update(outcome, referral.version())
                .doOnNext(saved -> {
                    metrics.saved(outcome);
                    log.info("Referral {} deadline applied: {} -> {}", referral.id(), referral.state(), saved.state());
                })
                .thenReturn(ClaimResult.CHANGED)
                .onErrorResume(StaleVersion.class, stale -> Mono.just(ClaimResult.UNCHANGED));
    }
}
