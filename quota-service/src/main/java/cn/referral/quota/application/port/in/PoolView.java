package cn.referral.quota.application.port.in;

import cn.referral.quota.domain.pool.Pool;

/** A pool and how many referrals wait for it. */
public record PoolView(Pool pool, long waiting) {
}
