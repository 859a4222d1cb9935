package cn.referral.quota.application.port.out;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import cn.referral.quota.domain.Resource;
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

    Mono<Pool> findById(String id);

    Flux<Pool> findByInstitutionAndDate(String institutionId, LocalDate date);

    /** Pools of the department and resource dated within the window, earliest session first. */
    Flux<Pool> findCandidates(String institutionId, String department, Resource resource, LocalDate from,
                              LocalDate until);

    /** Pools that hold or held the referral. */
    Flux<Pool> findHolding(String referralId);

    /** Pools whose reserve has not gone public and whose session starts before {@code instant}. */
    Flux<Pool> findReserveNotReleasedStartingBefore(Instant instant);

    /** Pools whose session starts after {@code instant}, for the gauges. */
    Flux<Pool> findStartingAfter(Instant instant);

    /** Pools with a hold not confirmed whose deadline is at or before {@code instant}. */
    Flux<Pool> findWithHoldsExpiredBy(Instant instant);

    /**
     * Writes the change as the domain says ({@link PoolChange.Write}): a new hold under its
     * {@code HoldGuard}, or the whole pool if its stored revision is still {@code readAt}'s. Emits
     * false when the stored pool no longer allows it (read again and decide again).
     */
    Mono<Boolean> write(Pool readAt, PoolChange change);

    /** Hands out the pool's next waitlist arrival number (1, 2, …), atomically; empty if no such pool. */
    Mono<Long> nextWaitlistSeq(String poolId);
}
