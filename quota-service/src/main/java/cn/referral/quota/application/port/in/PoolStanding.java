package cn.referral.quota.application.port.in;

import cn.referral.quota.domain.pool.Pool;

/** Where a referral stands in one pool: its hold (or released hold) there, or its place on the waitlist. */
public record PoolStanding(Pool pool, Integer waitlistPosition) {
}
