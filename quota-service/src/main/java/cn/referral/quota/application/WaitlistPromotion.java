package cn.referral.quota.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.pool.Outcome;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.ReleaseReason;
import cn.referral.quota.domain.waitlist.WaitlistEntry;
import reactor.core.publisher.Mono;

/**
 * Hands a pool's free reserved units to its waiting referrals in {@code WaitlistOrder}, one at a
 * time: read the pool, take the first waiting entry, hold a unit for it under the domain's guard,
 * then take the entry off the waitlist. Anyone may run it at any time (after a release, an expiry, a
 * resize, or a new entry that may have missed a release), on any replica: a second runner finds the
 * referral already held ({@code pool.knows}) and only clears the entry; a runner that finds no free
 * unit stops. After the cutoff, with nobody waiting, freed units go to the public schedule.
 * <p>
 * A referral closed while its unit was being handed over (cancel racing the hand-over) is released
 * again at once: the register is read after the hold is written, and the closing side reads the pool
 * after it wrote the register, so one of the two always sees the other.
 */
class WaitlistPromotion {

    private static final Logger log = LoggerFactory.getLogger(WaitlistPromotion.class);
    private static final Duration ENTRY_ON_ITS_WAY = Duration.ofMillis(5);
    /** 40 × 5 ms: an entry takes one write after it was counted in; a count that never shows up is a crashed joiner */
    private static final int MAX_WAITS = 40;

    private final PoolStore pools;
    private final WaitlistStore waitlist;
    private final ReferralRegister referrals;
    private final PoolUpdates updates;
    private final ReservePolicyLookup policies;
    private final Clock clock;
    private final Supplier<String> ids;

    WaitlistPromotion(QuotaLedger ledger, PoolUpdates updates, ReservePolicyLookup policies, Clock clock,
                      Supplier<String> ids) {
        this.pools = ledger.pools();
        this.waitlist = ledger.waitlist();
        this.referrals = ledger.referrals();
        this.updates = updates;
        this.policies = policies;
        this.clock = clock;
        this.ids = ids;
    }

    /** Hands on every unit the pool can give now; bounded by the pool's reserve plus its waitlist churn. */
    Mono<Void> promote(PoolId poolId) {
        return pools.findById(poolId).flatMap(pool -> pool.unitsToHandOn() <= 0 ? Mono.empty()
                : policies.forInstitution(pool.key().institutionId())
                        .flatMap(policy -> step(pool, policy, 4 * pool.reserved() + 16, MAX_WAITS)));
    }

    private Mono<Void> step(PoolId poolId, ReservePolicy policy, int stepsLeft, int waitsLeft) {
        return pools.findById(poolId).flatMap(pool -> step(pool, policy, stepsLeft, waitsLeft));
    }

    private Mono<Void> step(Pool pool, ReservePolicy policy, int stepsLeft, int waitsLeft) {
        PoolId poolId = pool.id();
        if (stepsLeft == 0) {
            log.warn("Pool {}: hand-on stopped after its step budget; the next release or expiry run goes on", poolId);
            return Mono.empty();
        }
        {
            if (pool.unitsToHandOn() <= 0) {
                return Mono.empty();
            }
            Integer openLimit = policy.openLimit(pool.reserved());
            boolean servedFirstOnly = openLimit != null && pool.heldOpen() >= openLimit;
            return waitlist.first(poolId, servedFirstOnly)
                    .map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(first -> first.isPresent()
                            ? handTo(pool, first.get(), policy).then(step(poolId, policy, stepsLeft - 1, waitsLeft))
                            : pools.countedWaiting(poolId).defaultIfEmpty(0L).flatMap(counted -> counted > 0
                                    && waitsLeft > 0 && !servedFirstOnly
                                    // counted in but its entry not written yet: wait for it rather than lose the unit
                                    ? Mono.delay(ENTRY_ON_ITS_WAY).then(step(poolId, policy, stepsLeft, waitsLeft - 1))
                                    : toPublic(poolId)));
        }
    }

    private Mono<Void> handTo(Pool pool, WaitlistEntry entry, ReservePolicy policy) {
        Instant now = clock.instant();
        if (pool.knows(entry.referralId())) {
            // an earlier hand-over held it (and counted it out) and stopped before clearing the entry
            return waitlist.leave(entry, "PROMOTED").then();
        }
        if (entry.acceptBy() != null && !now.isBefore(entry.acceptBy())) {
            return leave(entry, "EXPIRED");
        }
        Optional<Outcome<Pool>> change = pool.handTo(entry, policy, new HoldId(ids.get()), now);
        if (change.isEmpty()) {
            return Mono.empty();
        }
        // remembered before the hold is written, as every hold is (HoldingPools)
        return referrals.rememberPool(entry.referralId(), pool.id())
                .then(Mono.defer(() -> updates.write(pool, change.get()))).flatMap(stored -> !stored ? Mono.empty()
                : waitlist.leave(entry, "PROMOTED").then(closeIfClosedMeanwhile(pool.id(), entry.referralId())));
    }

    /**
     * Takes the entry off its waitlist without a unit, for {@code why}, and counts it out of its pool's waiting
     * referrals, only when this call took it off: an entry two callers end at once is counted out once. (A unit
     * handed to the entry counts it out with the hold.)
     */
    Mono<Void> leave(WaitlistEntry entry, String why) {
        return waitlist.leave(entry, why).flatMap(left -> left
                ? pools.leftWaitlist(entry.poolId(), entry.waitlistClass()) : Mono.empty());
    }

    /** Units freed after the cutoff with nobody waiting go public. */
    private Mono<Void> toPublic(PoolId poolId) {
        return updates.update(poolId, pool -> pool.handFreeUnitsToPublic(clock.instant())).then();
    }

    private Mono<Void> closeIfClosedMeanwhile(PoolId poolId, ReferralId referralId) {
        return referrals.closedReason(referralId).flatMap(reason -> {
            if (reason.isEmpty()) {
                return Mono.empty();
            }
            if ("ACCEPTED".equals(reason.get())) {
                return updates.update(poolId, pool -> pool.confirm(referralId, clock.instant())).then();
            }
            return updates.update(poolId, pool -> pool.release(referralId, ReleaseReason.valueOf(reason.get()),
                    clock.instant())).then(promoteLater(poolId));
        });
    }

    private Mono<Void> promoteLater(PoolId poolId) {
        return Mono.defer(() -> promote(poolId));
    }
}
