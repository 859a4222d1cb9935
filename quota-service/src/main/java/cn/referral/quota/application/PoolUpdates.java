package cn.referral.quota.application;

import java.time.Duration;
import java.util.function.Function;

import cn.referral.platform.domain.PoolId;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.pool.NewHold;
import cn.referral.quota.domain.pool.Outcome;
import cn.referral.quota.domain.pool.Pool;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies a domain decision to a pool: read the pool, decide, write as the decision says (guarded);
 * if another writer came first, read again and decide again. Used for the rarer changes (release,
 * confirm, expiry, cutoff, resize, hand-on); placements take {@link HoldService}'s path.
 */
class PoolUpdates {

    private static final int MAX_ATTEMPTS = 50;

    private final PoolStore pools;
    private final QuotaMetrics metrics;

    PoolUpdates(PoolStore pools, QuotaMetrics metrics) {
        this.pools = pools;
        this.metrics = metrics;
    }

    /** Emits the stored change (or an unchanged one when the decision had no effect); empty if no such pool. */
    Mono<Outcome<Pool>> update(PoolId poolId, Function<Pool, Outcome<Pool>> decide) {
        return Mono.defer(() -> pools.findById(poolId)
                        .flatMap(pool -> {
                            Outcome<Pool> change = decide.apply(pool);
                            if (!change.changed()) {
                                return Mono.just(change);
                            }
                            return write(pool, change).flatMap(stored -> stored ? Mono.just(change)
                                    : Mono.error(new ConcurrentPoolChange(poolId)));
                        }))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .jitter(1.0).filter(ConcurrentPoolChange.class::isInstance));
    }

    /** Adds one decided hold; emits whether the stored pool allowed it. Counts it when stored. */
    Mono<Boolean> add(NewHold hold) {
        return pools.add(hold).doOnNext(stored -> {
            if (stored) {
                metrics.recorded(hold.events());
            }
        });
    }

    /** Writes one decided change; emits whether the stored pool allowed it. Counts it when stored. */
    Mono<Boolean> write(Pool readAt, Outcome<Pool> change) {
        return pools.write(readAt, change).doOnNext(stored -> {
            if (stored) {
                metrics.recorded(change.events());
            }
        });
    }

    /** Another writer changed the pool between our read and our write. */
    static class ConcurrentPoolChange extends RuntimeException {
        ConcurrentPoolChange(PoolId poolId) {
            super("Pool " + poolId + " changed while it was being updated", null, false, false);
        }
    }
}
