package cn.referral.quota.application.port.out;

import java.util.List;
import java.util.Map;

import cn.referral.platform.domain.PoolId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.pool.Pool;

/** What the ledger reports to monitoring. */
public interface QuotaMetrics {

    /** Counts what happened: holds (green channel apart), waitlistings, releases, reserve released. */
    void recorded(List<QuotaEvent> events);

    /** Latest view of the coming pools: reserved utilization, waitlist length (pool id → waiting), green-channel holds. */
    void observed(List<Pool> upcomingPools, Map<PoolId, Long> waitingByPool);
}
