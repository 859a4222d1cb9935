package cn.referral.quota.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.domain.HoldRequest;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.ReleaseReason;
import cn.referral.quota.domain.ReserveCutoff;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Places submitted referrals in pools and follows them to confirmation or release.
 * <p>
 * Placement: the earliest matching pool with a free reserved unit holds it (one guarded atomic
 * update per pool tried); if every matching pool is full, an EMERGENCY gets a green-channel hold on
 * the earliest and anyone else joins its waitlist; with no matching pool the answer is unavailable.
 * A guard that fails because another referral took the last unit first sends the placement round
 * again with fresh pools, so the outcome is always one of the three, never an overbooking.
 */
public class HoldService implements HoldUseCases {

    private static final Logger log = LoggerFactory.getLogger(HoldService.class);
    private static final int MAX_ROUNDS = 50;

    private final PoolStore pools;
    private final ReferralRegister referrals;
    private final PoolUpdates updates;
    private final QuotaMetrics metrics;
    private final ReserveCutoff cutoff;
    private final Clock clock;
    private final Supplier<String> ids;

    public HoldService(PoolStore pools, ReferralRegister referrals, QuotaMetrics metrics, ReserveCutoff cutoff,
                       Clock clock, Supplier<String> ids) {
        this.pools = pools;
        this.referrals = referrals;
        this.updates = new PoolUpdates(pools, metrics);
        this.metrics = metrics;
        this.cutoff = cutoff;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Placement> place(HoldRequest request) {
        return referrals.claim(request.referralId(), clock.instant())
                .flatMap(standing -> switch (standing) {
                    case NEW -> placeInRounds(request);
                    case CLOSED -> Mono.just(Placement.CLOSED);
                    case ANSWERED_UNAVAILABLE -> Mono.just(Placement.ALREADY_PLACED);
                    case KNOWN -> resume(request);
                });
    }

    /** A redelivery: announce what an interrupted placement left unannounced, or finish it. */
    private Mono<Placement> resume(HoldRequest request) {
        return pools.findKnowing(request.referralId()).collectList()
                .flatMap(known -> known.isEmpty() ? placeInRounds(request)
                        : announceAll(known, request.referralId()).thenReturn(Placement.ALREADY_PLACED));
    }

    private Mono<Placement> placeInRounds(HoldRequest request) {
        return Mono.defer(() -> placeOnce(request))
                .retryWhen(Retry.backoff(MAX_ROUNDS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .jitter(1.0).filter(LostRace.class::isInstance));
    }

    private Mono<Placement> placeOnce(HoldRequest request) {
        Instant now = clock.instant();
        return pools.findCandidates(request.institutionId(), request.department(), request.resource(),
                        request.requestedFrom(), request.requestedUntil())
                .filter(pool -> pool.sessionStartsAt().isAfter(now))
                .collectList()
                .flatMap(matching -> {
                    List<Pool> known = matching.stream().filter(pool -> pool.knows(request.referralId())).toList();
                    if (!known.isEmpty()) {
                        return announceAll(known, request.referralId()).thenReturn(Placement.ALREADY_PLACED);
                    }
                    List<Pool> open = request.isEmergency() ? matching
                            : matching.stream().filter(pool -> !pool.reserveReleased() && !cutoff.isDue(pool, now))
                                    .toList();
                    if (open.isEmpty()) {
                        return unavailable(request, matching.isEmpty() ? QuotaEvent.Unavailable.NO_MATCHING_POOL
                                : QuotaEvent.Unavailable.RESERVE_RELEASED);
                    }
                    return holdInFirstWithFreeReserve(request, open, now)
                            .switchIfEmpty(Mono.defer(() -> request.isEmergency()
                                    ? holdInGreenChannel(request, open.get(0), now)
                                    : waitlist(request, open.get(0), now)));
                });
    }

    private Mono<Placement> holdInFirstWithFreeReserve(HoldRequest request, List<Pool> open, Instant now) {
        return Flux.fromIterable(open)
                .concatMap(pool -> pool.holdReserved(request, ids.get(), now)
                        .map(change -> store(pool, change)).orElse(Mono.empty()), 1)
                .next()
                .map(taken -> Placement.HELD);
    }

    private Mono<Boolean> store(Pool pool, PoolChange change) {
        QuotaEvent.SlotHeld held = (QuotaEvent.SlotHeld) change.events().get(0);
        return pools.addHold(pool.id(), held.hold(), held)
                .filter(Boolean::booleanValue)
                .doOnNext(taken -> metrics.recorded(change.events()));
    }

    private Mono<Placement> holdInGreenChannel(HoldRequest request, Pool earliest, Instant now) {
        PoolChange change = earliest.holdInGreenChannel(request, ids.get(), now)
                .orElseThrow(() -> new LostRace(earliest.id()));
        return store(earliest, change).map(taken -> Placement.HELD_IN_GREEN_CHANNEL)
                .switchIfEmpty(Mono.error(() -> new LostRace(earliest.id())));
    }

    private Mono<Placement> waitlist(HoldRequest request, Pool earliest, Instant now) {
        return pools.enqueue(earliest.id(), request.asWaitlistEntry(now))
                .switchIfEmpty(Mono.error(() -> new LostRace(earliest.id())))
                .flatMap(after -> announce(after, request.referralId()))
                .thenReturn(Placement.WAITLISTED);
    }

    private Mono<Void> announceAll(List<Pool> known, String referralId) {
        return Flux.fromIterable(known).concatMap(pool -> announce(pool, referralId)).then();
    }

    private Mono<Void> announce(Pool pool, String referralId) {
        return pool.announceWaitlisted(referralId)
                .map(change -> {
                    QuotaEvent.Waitlisted waitlisted = (QuotaEvent.Waitlisted) change.events().get(0);
                    return pools.announce(pool.id(), referralId, waitlisted)
                            .doOnNext(done -> {
                                if (done) {
                                    metrics.recorded(change.events());
                                }
                            }).then();
                })
                .orElse(Mono.empty());
    }

    private Mono<Placement> unavailable(HoldRequest request, String reason) {
        QuotaEvent.Unavailable event = new QuotaEvent.Unavailable(request.referralId(), reason);
        return referrals.recordUnavailable(event, clock.instant())
                .doOnNext(recorded -> {
                    if (recorded) {
                        metrics.recorded(List.of(event));
                    }
                })
                .thenReturn(Placement.UNAVAILABLE);
    }

    @Override
    public Mono<Void> confirm(String referralId) {
        return pools.findKnowing(referralId).collectList().flatMap(known -> {
            if (known.isEmpty()) {
                // accepted before (or without) a hold: a late submission must not take a unit
                return referrals.close(referralId, "ACCEPTED", clock.instant());
            }
            return Flux.fromIterable(known)
                    .concatMap(pool -> updates.update(pool.id(), current -> current.confirm(referralId)))
                    .then();
        });
    }

    @Override
    public Mono<Void> release(String referralId, ReleaseReason reason) {
        // closed first: a submission redelivered after this can no longer place the referral
        return referrals.close(referralId, reason.name(), clock.instant())
                .thenMany(pools.findKnowing(referralId))
                .concatMap(pool -> updates.update(pool.id(),
                        current -> current.release(referralId, reason, clock.instant(), ids)))
                .doOnNext(change -> log.debug("Released {} from pool {}: {}", referralId, change.pool().id(),
                        change.events()))
                .then();
    }

    /** Another referral changed the pool first; the round starts again with fresh pools. */
    static class LostRace extends RuntimeException {
        LostRace(String poolId) {
            super("Pool " + poolId + " changed during placement", null, false, false);
        }
    }
}
