package cn.referral.quota.domain;

import java.util.List;

/**
 * A pool after a change and the events the change caused. {@code changed} is false when the
 * request had no effect (e.g. a redelivered release), and then there is nothing to store.
 */
public record PoolChange(Pool pool, List<QuotaEvent> events, boolean changed) {

    public PoolChange {
        events = List.copyOf(events);
    }

    public static PoolChange none(Pool pool) {
        return new PoolChange(pool, List.of(), false);
    }

    static PoolChange of(Pool pool, List<QuotaEvent> events) {
        return new PoolChange(pool, events, true);
    }
}
