package cn.referral.quota.application;

import java.time.Clock;

import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import reactor.core.publisher.Mono;

/** Refreshes the gauges from the coming pools, so every replica reports the same, stored truth. */
public class PoolStatisticsService {

    private final PoolStore pools;
    private final QuotaMetrics metrics;
    private final Clock clock;

    public PoolStatisticsService(PoolStore pools, QuotaMetrics metrics, Clock clock) {
        this.pools = pools;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<Integer> refresh() {
        return pools.findStartingAfter(clock.instant()).collectList()
                .doOnNext(metrics::observed)
                .map(java.util.List::size);
    }
}
