package cn.referral.quota.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.quota.domain.pool.Pool;

/**
 * A pool as someone choosing where to refer sees it: what it is and how many reserved units a
 * referral could still hold, nothing about the holds, the waitlist or the capacity.
 */
record ReserveResponse(String institutionId, String department, String resource, LocalDate date, String session,
                       Instant sessionStartsAt, int freeReserve) {

    static ReserveResponse of(Pool pool) {
        return new ReserveResponse(pool.key().institutionId().value(), pool.key().department(),
                pool.key().resource().name(), pool.key().date(), pool.key().session().name(),
                pool.sessionStartsAt(), pool.freeReserve());
    }
}
