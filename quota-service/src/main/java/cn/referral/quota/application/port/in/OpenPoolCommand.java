package cn.referral.quota.application.port.in;

import cn.referral.quota.domain.pool.PoolKey;

public record OpenPoolCommand(PoolKey key, int capacity, int reserved) {
}
