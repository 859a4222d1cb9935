package cn.referral.quota.application;

import java.time.Clock;
import java.time.Instant;

import cn.referral.quota.application.port.in.ReserveCutoffUseCase;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.pool.ReserveCutoff;
import reactor.core.publisher.Mono;

/**
 * Finds the pools whose cutoff has come and releases their unheld reserve. Each pool is claimed
 * with a compare-and-set on its revision and the domain releases a reserve once, so replicas
 * running this at the same time release each pool's reserve exactly once.
 */
public class ReserveCutoffService implements ReserveCutoffUseCase {

    private final PoolStore pools;
    private final PoolUpdates updates;
    private final ReserveCutoff cutoff;
    private final Clock clock;

    public ReserveCutoffService(PoolStore pools, QuotaMetrics metrics, ReserveCutoff cutoff, Clock clock) {
        this.pools = pools;
        this.updates = new PoolUpdates(pools, metrics);
        this.cutoff = cutoff;
        this.clock = clock;
    }

    @Override
    public Mono<Long> releaseDueReserves() {
        Instant now = clock.instant();
        return pools.findReserveNotReleasedStartingBefore(cutoff.sessionsStartingBefore(now))
                .concatMap(pool -> updates.update(pool.id(), current -> current.releaseReserveAtCutoff(cutoff, now)))
                .filter(change -> change.changed())
                .count();
    }
}
