package cn.referral.quota.application.port.out;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.quota.domain.Hold;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.Resource;
import cn.referral.quota.domain.WaitlistEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where pools live. Every write is one atomic update of one pool document that stores the new state
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

    /** Pools that hold, held or waitlist the referral. */
    Flux<Pool> findKnowing(String referralId);

    /** Pools whose reserve has not gone public and whose session starts before {@code instant}. */
    Flux<Pool> findReserveNotReleasedStartingBefore(Instant instant);

    /** Pools whose session starts after {@code instant}, for the gauges. */
    Flux<Pool> findStartingAfter(Instant instant);

    /**
     * Adds the hold if the pool does not know its referral and, for a reserved hold, has a free
     * reserved unit (its reserve not released, {@code held < reserved}): one guarded atomic update.
     * Emits whether the hold was taken.
     */
    Mono<Boolean> addHold(String poolId, Hold hold, QuotaEvent.SlotHeld event);

    /** Appends the entry if the pool's reserve is full and the pool does not know the referral; emits the pool after. */
    Mono<Pool> enqueue(String poolId, WaitlistEntry entry);

    /** Writes the {@code Waitlisted} event if the referral is still unannounced; emits whether it did. */
    Mono<Boolean> announce(String poolId, String referralId, QuotaEvent.Waitlisted event);

    /**
     * Compare-and-set: writes the changed pool and its events if the stored revision is still the
     * one it was read at. Emits false when another writer came first (read again and retry).
     */
    Mono<Boolean> replace(Pool readAt, PoolChange change);
}
