package cn.referral.quota.application;

import java.time.Clock;

import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.pool.Pool;
import reactor.core.publisher.Mono;

/** Refreshes the gauges from the coming pools, so every replica reports the same, stored truth. */
public class PoolStatisticsService {

    private final PoolStore pools;
    private final WaitlistStore waitlist;
    private final QuotaMetrics metrics;
    private final Clock clock;

    public PoolStatisticsService(PoolStore pools, WaitlistStore waitlist, QuotaMetrics metrics, Clock clock) {
        this.pools = pools;
        this.waitlist = waitlist;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<Integer> refresh() {
        return pools.findStartingAfter(clock.instant()).collectList()
                .flatMap(upcoming -> waitlist.waitingCounts(upcoming.stream().map(Pool::id).toList())
                        .doOnNext(waiting -> metrics.observed(upcoming, waiting))
                        .thenReturn(upcoming.size()));
    }
}
