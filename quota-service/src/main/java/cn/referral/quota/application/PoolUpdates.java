package cn.referral.quota.application;

import java.time.Duration;
import java.util.function.Function;

import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies a domain decision to a pool with compare-and-set: read the pool, decide, write guarded
 * by the revision read; if another writer came first, read again and decide again. Used for the
 * rarer changes (release and hand-on, confirm, cutoff, resize); holds and waitlist entries take the
 * guarded single-update paths of {@link PoolStore} instead.
 */
class PoolUpdates {

    private static final int MAX_ATTEMPTS = 200;

    private final PoolStore pools;
    private final QuotaMetrics metrics;

    PoolUpdates(PoolStore pools, QuotaMetrics metrics) {
        this.pools = pools;
        this.metrics = metrics;
    }

    /** Emits the stored change (or an unchanged one when the decision had no effect); empty if no such pool. */
    Mono<PoolChange> update(String poolId, Function<Pool, PoolChange> decide) {
        return Mono.defer(() -> pools.findById(poolId)
                        .flatMap(pool -> {
                            PoolChange change = decide.apply(pool);
                            if (!change.changed()) {
                                return Mono.just(change);
                            }
                            return pools.replace(pool, change).flatMap(stored -> stored ? Mono.just(change)
                                    : Mono.error(new ConcurrentPoolChange(poolId)));
                        }))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .jitter(1.0).filter(ConcurrentPoolChange.class::isInstance))
                .doOnNext(change -> metrics.recorded(change.events()));
    }

    /** Another writer changed the pool between our read and our write. */
    static class ConcurrentPoolChange extends RuntimeException {
        ConcurrentPoolChange(String poolId) {
            super("Pool " + poolId + " changed while it was being updated", null, false, false);
        }
    }
}
