package cn.referral.quota.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.quota.application.port.in.PoolView;
import cn.referral.quota.domain.pool.Pool;

/** A pool as its desk sees it: the reserve and how it is used. */
record PoolResponse(String id, String institutionId, String department, String resource, LocalDate date,
                    String session, Instant sessionStartsAt, int capacity, int reserved, int held, int confirmed,
                    int greenChannelHeld, int freeReserve, int released, int releasedToPublic,
                    Instant reserveReleasedAt, int waitlistLength, long revision) {

    static PoolResponse of(PoolView view) {
        Pool pool = view.pool();
        return new PoolResponse(pool.id().value(), pool.key().institutionId().value(), pool.key().department(),
                pool.key().resource().name(), pool.key().date(), pool.key().session().name(),
                pool.sessionStartsAt(), pool.capacity(), pool.reserved(), pool.held(), pool.confirmed(),
                pool.greenChannelHeld(), pool.freeReserve(), pool.released().size(), pool.releasedToPublic(),
                pool.reserveReleasedAt(), (int) view.waiting(), pool.revision());
    }
}
