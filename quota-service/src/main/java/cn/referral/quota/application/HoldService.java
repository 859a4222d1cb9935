package cn.referral.quota.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.application.port.in.SubmittedReferral;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.policy.ReserveAfterCutoff;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.NewHold;
import cn.referral.quota.domain.pool.Outcome;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolTally;
import cn.referral.quota.domain.pool.ReleaseReason;
import cn.referral.quota.domain.pool.ReserveCutoff;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Places submitted referrals in pools and follows them to confirmation or release.
 * <p>
 * Placement: the matching pools are read without their holds ({@link PoolTally}); the earliest whose
 * guard admits the referral holds a reserved unit (one guarded atomic update of the pool, nothing read back); if none can, an EMERGENCY gets a green-channel hold on
 * the earliest, anyone else joins the earliest pool's waitlist (its own document), and a ROUTINE
 * referral whose pools are all past their cutoff is told why ({@link ReserveAfterCutoff}); with no
 * matching pool the answer is unavailable. A guard that fails because another referral took the
 * last unit first sends the placement round again with fresh pools (a few times at most: the next
 * round finds the pool full and waits), so the outcome is always one of these, never an overbooking.
 */
public class HoldService implements HoldUseCases {

    private static final int MAX_ROUNDS = 20;
    /** How long a placement may take before a redelivery may assume its placer died. */
    static final Duration PLACEMENT_LEASE = Duration.ofSeconds(30);

    private final PoolStore pools;
    private final WaitlistStore waitlist;
    private final ReferralRegister referrals;
    private final PoolUpdates updates;
    private final HoldingPools holding;
    private final WaitlistPromotion promotion;
    private final ReservePolicyLookup policies;
    private final QuotaMetrics metrics;
    private final ReserveCutoff cutoff;
    private final Clock clock;
    private final ZoneId zone;
    /** How long past its deadline an unconfirmed hold waits for an acceptance on its way (quota.hold-expiry-grace). */
    private final Duration expiryGrace;
    private final Supplier<String> ids;

    public HoldService(QuotaLedger ledger, ReserveCutoff cutoff, Clock clock, ZoneId zone, Duration expiryGrace,
                       Supplier<String> ids) {
        this.pools = ledger.pools();
        this.waitlist = ledger.waitlist();
        this.referrals = ledger.referrals();
        this.metrics = ledger.metrics();
        this.updates = new PoolUpdates(pools, metrics);
        this.holding = new HoldingPools(pools, referrals);
        this.policies = new ReservePolicyLookup(ledger.policies(), ledger.views());
        this.promotion = new WaitlistPromotion(ledger, updates, policies, clock, ids);
        this.cutoff = cutoff;
        this.clock = clock;
        this.zone = zone;
        this.expiryGrace = expiryGrace;
        this.ids = ids;
    }

    @Override
    public Mono<Placement> place(SubmittedReferral submitted, Instant earlierDeliveryAbandonedAt) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return referrals.claim(submitted.request().referralId(), clock.instant())
                .flatMap(standing -> switch (standing) {
                    case NEW -> policies.withContract(submitted.request(), submitted.patientRef(),
                            submitted.fromInstitutionId(), today).flatMap(this::placeInRounds);
                    case CLOSED -> Mono.just(Placement.CLOSED);
                    case ANSWERED_UNAVAILABLE -> Mono.just(Placement.ALREADY_PLACED);
                    case KNOWN -> resume(submitted, earlierDeliveryAbandonedAt);
                });
    }

    /**
     * A redelivery: placed before (held or waiting), or being placed by another delivery right now
     * (try again later), or its placer died before it was placed: claimed longer ago than
     * {@link #PLACEMENT_LEASE}, or before {@code earlierDeliveryAbandonedAt}, when the inbox handed this
     * delivery the event of an abandoned one (so the kill -9 of a placer costs no lease). Then this delivery
     * takes the claim over, atomically, and places it.
     */
    private Mono<Placement> resume(SubmittedReferral submitted, Instant earlierDeliveryAbandonedAt) {
        ReferralId referralId = submitted.request().referralId();
        Instant now = clock.instant();
        Instant leaseRanOut = now.minus(PLACEMENT_LEASE);
        Instant staleBefore = earlierDeliveryAbandonedAt != null && earlierDeliveryAbandonedAt.isAfter(leaseRanOut)
                ? earlierDeliveryAbandonedAt : leaseRanOut;
        return Flux.merge(holding.of(referralId).map(Pool::id), waitlist.waitingFor(referralId)
                        .map(WaitlistEntry::poolId))
                .hasElements()
                .flatMap(known -> known ? Mono.just(Placement.ALREADY_PLACED)
                        : referrals.reclaimIfStale(referralId, staleBefore, now)
                                .flatMap(taken -> !taken ? Mono.just(Placement.IN_PROGRESS)
                                        : policies.withContract(submitted.request(), submitted.patientRef(),
                                                submitted.fromInstitutionId(), LocalDate.ofInstant(now, zone))
                                                .flatMap(this::placeInRounds)));
    }

    private Mono<Placement> placeInRounds(HoldRequest request) {
        return policies.forInstitution(request.institutionId())
                .flatMap(policy -> Mono.defer(() -> placeOnce(request, policy))
                        .retryWhen(Retry.backoff(MAX_ROUNDS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(10))
                                .jitter(1.0).filter(LostRace.class::isInstance)))
                .flatMap(placement -> placement != Placement.HELD && placement != Placement.HELD_IN_GREEN_CHANNEL
                        ? Mono.just(placement)
                        // a waiting one closed meanwhile is caught when a unit is handed to it
                        : closeIfClosedMeanwhile(request.referralId()).thenReturn(placement));
    }

    private Mono<Placement> placeOnce(HoldRequest request, ReservePolicy policy) {
        Instant now = clock.instant();
        return pools.findCandidates(request.institutionId(), request.department(), request.resource(),
                        request.requestedFrom(), request.requestedUntil(), request.referralId())
                .filter(pool -> pool.sessionStartsAt().isAfter(now))
                .collectList()
                .flatMap(matching -> {
                    if (matching.stream().anyMatch(pool -> pool.knows(request.referralId()))) {
                        return Mono.just(Placement.ALREADY_PLACED);
                    }
                    if (matching.isEmpty()) {
                        return unavailable(QuotaEvent.Unavailable.noMatchingPool(request.referralId(), now));
                    }
                    List<PoolTally> open = matching.stream().filter(pool -> !cutoff.isDue(pool, now)
                            || ReserveAfterCutoff.mayHoldAfterCutoff(request.urgency())).toList();
                    if (open.isEmpty()) {
                        PoolTally earliest = matching.get(0);
                        return unavailable(ReserveAfterCutoff.refusal(request.referralId(), earliest,
                                cutoff.cutoffOf(earliest), now));
                    }
                    return holdInFirstThatAdmits(request, policy, open, now)
                            .switchIfEmpty(Mono.defer(() -> request.isEmergency()
                                    ? holdInGreenChannel(request, open.get(0), now)
                                    : waitlist(request, policy, open.get(0), now)));
                });
    }

    private Mono<Placement> holdInFirstThatAdmits(HoldRequest request, ReservePolicy policy, List<PoolTally> open,
                                                  Instant now) {
        return Flux.fromIterable(open)
                .concatMap(pool -> pool.reservedHoldFor(request, policy, cutoff.isDue(pool, now),
                                new HoldId(ids.get()), now)
                        .map(this::store).orElse(Mono.empty()), 1)
                .next()
                .map(taken -> Placement.HELD);
    }

    /**
     * Emits true when stored; a guard that no longer holds is a lost race. The register remembers the
     * pool first, so a hold is never written to a pool its referral's accept or cancel would not read.
     */
    private Mono<Boolean> store(NewHold hold) {
        return referrals.rememberPool(hold.hold().referralId(), hold.poolId())
                .then(Mono.defer(() -> updates.add(hold)))
                .flatMap(stored -> stored ? Mono.just(true) : Mono.error(new LostRace(hold.poolId())));
    }

    private Mono<Placement> holdInGreenChannel(HoldRequest request, PoolTally earliest, Instant now) {
        Optional<NewHold> hold = earliest.greenChannelHoldFor(request, new HoldId(ids.get()), now);
        if (hold.isEmpty()) {
            return Mono.error(new LostRace(earliest.id()));
        }
        return store(hold.get()).thenReturn(Placement.HELD_IN_GREEN_CHANNEL);
    }

    /**
     * Joins the pool's waitlist: the pool counts the referral in and hands out its arrival number in
     * one atomic update (so its announced position counts everyone who joined before it), then the
     * entry is written with its event. A release that finds the pool counting a referral whose entry
     * is still on its way waits for it ({@link WaitlistPromotion}), so no unit is lost in between.
     */
    private Mono<Placement> waitlist(HoldRequest request, ReservePolicy policy, PoolTally earliest, Instant now) {
        WaitlistClass joining = WaitlistOrder.classOf(request, policy);
        return pools.joinWaitlist(earliest.id(), joining)
                .switchIfEmpty(Mono.error(() -> new LostRace(earliest.id())))
                .flatMap(ticket -> {
                    WaitlistEntry entry = request.asWaitlistEntry(earliest.id(), joining, policy.servesFirst(request),
                            ticket.seq(), now);
                    QuotaEvent.Waitlisted event = new QuotaEvent.Waitlisted(earliest.ref(), request.referralId(),
                            WaitlistOrder.positionOnJoining(ticket.waitingByClass(), joining), now);
                    return waitlist.add(entry, event).flatMap(added -> {
                        if (!added) {
                            // another delivery put it on this waitlist first
                            return pools.leftWaitlist(earliest.id(), joining).thenReturn(Placement.ALREADY_PLACED);
                        }
                        metrics.recorded(List.of(event));
                        return Mono.just(Placement.WAITLISTED);
                    });
                });
    }

    private Mono<Placement> unavailable(QuotaEvent.Unavailable event) {
        return referrals.recordUnavailable(event, clock.instant())
                .doOnNext(recorded -> {
                    if (recorded) {
                        metrics.recorded(List.of(event));
                    }
                })
                .thenReturn(Placement.UNAVAILABLE);
    }

    /** The referral was closed while it was being placed: undo what the placement did. */
    private Mono<Void> closeIfClosedMeanwhile(ReferralId referralId) {
        return referrals.closedReason(referralId).flatMap(reason -> {
            if (reason.isEmpty()) {
                return Mono.empty();
            }
            return "ACCEPTED".equals(reason.get()) ? confirmKnown(referralId)
                    : releaseKnown(referralId, ReleaseReason.valueOf(reason.get()));
        });
    }

    @Override
    public Mono<Void> confirm(ReferralId referralId) {
        // closed first: a submission redelivered after this can no longer place the referral
        return referrals.close(referralId, "ACCEPTED", clock.instant()).then(confirmKnown(referralId));
    }

    private Mono<Void> confirmKnown(ReferralId referralId) {
        // a waiting referral accepted outside the reserve no longer needs a unit from here
        return waitlist.waitingFor(referralId).concatMap(entry -> promotion.leave(entry, "ACCEPTED"))
                .thenMany(holding.of(referralId))
                .concatMap(pool -> updates.update(pool.id(), current -> current.confirm(referralId, clock.instant())))
                .then();
    }

    @Override
    public Mono<Void> release(ReferralId referralId, ReleaseReason reason) {
        // closed first: a submission redelivered after this can no longer place the referral
        return referrals.close(referralId, reason.name(), clock.instant()).then(releaseKnown(referralId, reason));
    }

    private Mono<Void> releaseKnown(ReferralId referralId, ReleaseReason reason) {
        return waitlist.waitingFor(referralId).concatMap(entry -> promotion.leave(entry, reason.name()))
                .thenMany(holding.of(referralId))
                .concatMap(pool -> freeAndHandOn(pool.id(), current -> current.release(referralId, reason,
                        clock.instant())))
                .then();
    }

    @Override
    public Mono<Long> releaseExpiredHolds() {
        Instant now = clock.instant();
        Instant deadlinesPassedBy = now.minus(expiryGrace);
        return pools.findWithHoldsExpiredBy(deadlinesPassedBy)
                .concatMap(pool -> freeAndHandOn(pool.id(), current -> current.releaseExpired(deadlinesPassedBy, now)))
                .map(change -> (long) change.events().size())
                .reduce(0L, Long::sum);
    }

    /**
     * Writes a change that gives units back and, when it did, hands them to the pool's waiting referrals
     * ({@link WaitlistPromotion}). Emits the change only when it changed the pool.
     */
    private Mono<Outcome<Pool>> freeAndHandOn(PoolId poolId, Function<Pool, Outcome<Pool>> release) {
        return updates.update(poolId, release)
                .filter(Outcome::changed)
                .flatMap(change -> promotion.promote(poolId).thenReturn(change));
    }

    /** Another referral changed the pool first; the round starts again with fresh pools. */
    static class LostRace extends RuntimeException {
        LostRace(PoolId poolId) {
            super("Pool " + poolId + " changed during placement", null, false, false);
        }
    }
}
