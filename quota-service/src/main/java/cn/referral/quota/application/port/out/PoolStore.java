package cn.referral.quota.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.pool.NewHold;
import cn.referral.quota.domain.pool.Outcome;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolTally;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where pools live. Every write is one atomic update of one pool document that stores the change
 * and its events together; none reads and then writes unguarded.
 */
public interface PoolStore {

    /** Stores a new pool; fails with {@code DuplicatePool} if its key is taken. */
    Mono<Pool> insert(Pool pool);

    /** Stores the pool unless one with its id or key exists; emits whether it was inserted. */
    Mono<Boolean> insertIfAbsent(Pool pool);

    Mono<Pool> findById(PoolId id);

    /** Which of these pools are stored (their ids only). */
    Flux<PoolId> existing(Collection<PoolId> ids);

    Flux<Pool> findByInstitutionAndDate(InstitutionId institutionId, LocalDate date);

    /**
     * Pools of the department and resource dated within the window, earliest session first, read
     * without their holds (a busy pool has many): their counters, and whether each knows {@code referralId}.
     */
    Flux<PoolTally> findCandidates(InstitutionId institutionId, String department, Resource resource, LocalDate from,
                                   LocalDate until, ReferralId referralId);

    /** Pools that hold or held the referral. */
    Flux<Pool> findHolding(ReferralId referralId);

    /** Pools whose reserve has not gone public and whose session starts before {@code instant}. */
    Flux<Pool> findReserveNotReleasedStartingBefore(Instant instant);

    /** Pools whose session starts after {@code instant}, for the gauges. */
    Flux<Pool> findStartingAfter(Instant instant);

    /** Pools with a hold not confirmed whose deadline is at or before {@code instant}. */
    Flux<Pool> findWithHoldsExpiredBy(Instant instant);

    /**
     * Writes the change as the domain says ({@link Outcome.Write}): a new hold as {@link #add}, or
     * the whole pool if its stored revision is still {@code readAt}'s. Emits false when the stored pool
     * no longer allows it (read again and decide again).
     */
    Mono<Boolean> write(Pool readAt, Outcome<Pool> change);

    /**
     * Adds the hold with its event in one atomic update of its pool, only if the stored pool still
     * meets the hold's {@code HoldGuard}; emits whether it did. Nothing of the pool is read back.
     */
    Mono<Boolean> add(NewHold hold);

    /**
     * Counts a referral of class {@code joining} in on the pool's waitlist and hands out its arrival
     * number (1, 2, …), in one atomic update; emits the number and the pool's count of waiting
     * referrals per class right after it. Empty if no such pool.
     */
    Mono<WaitlistTicket> joinWaitlist(PoolId poolId, WaitlistClass joining);

    /** Counts a referral of this class out of the pool's waitlist (it left without a unit of this pool). */
    Mono<Void> leftWaitlist(PoolId poolId, WaitlistClass leaving);

    /** How many referrals the pool counts as waiting (entries being written included). */
    Mono<Long> countedWaiting(PoolId poolId);

    /** An arrival number on a pool's waitlist and the pool's count of waiting referrals per class then. */
    record WaitlistTicket(long seq, java.util.Map<WaitlistClass, Long> waitingByClass) {
    }
}
