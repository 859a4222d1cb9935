package cn.referral.quota.application;

import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.domain.pool.Pool;
import reactor.core.publisher.Flux;

/**
 * The pools that hold or held a referral, for its accept, cancel, redelivery and standing: read by
 * {@code _id} from the pools its register remembered before each hold was written, instead of
 * searching the holds of every pool (issue #14). A referral whose register does not remember pools
 * (registered by an older version) is looked up the old way, by the pools' holds.
 */
class HoldingPools {

    private final PoolStore pools;
    private final ReferralRegister referrals;

    HoldingPools(PoolStore pools, ReferralRegister referrals) {
        this.pools = pools;
        this.referrals = referrals;
    }

    Flux<Pool> of(ReferralId referralId) {
        return referrals.rememberedPools(referralId).flatMapMany(remembered -> remembered
                .map(poolIds -> Flux.fromIterable(poolIds).concatMap(pools::findById)
                        // a remembered pool whose hold lost its race never held it
                        .filter(pool -> pool.knows(referralId)))
                .orElseGet(() -> pools.findHolding(referralId)));
    }
}
