package cn.referral.quota.application;

import cn.referral.quota.domain.pool.PoolKey;

/** A pool for this institution, department, resource, date and session exists already. */
public class DuplicatePool extends RuntimeException {

    private final PoolKey key;

    public DuplicatePool(PoolKey key) {
        super("A pool of " + key.resource() + " for " + key.department() + " at " + key.institutionId() + " on "
                + key.date() + " " + key.session() + " exists already");
        this.key = key;
    }

    public PoolKey key() {
        return key;
    }
}
