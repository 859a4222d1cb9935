package cn.referral.quota.application.port.out;

import java.util.Map;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.waitlist.WaitlistEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Waiting referrals, one document each (unique per pool and referral), each written with its own
 * {@code Waitlisted} event; served in {@code WaitlistOrder} by a stored rank and arrival number.
 */
public interface WaitlistStore {

    /** Adds the entry with its event; false if the referral has ever been on this pool's waitlist. */
    Mono<Boolean> add(WaitlistEntry entry, QuotaEvent.Waitlisted event);

    /** 1-based place of the entry in service order among the referrals waiting now. */
    Mono<Integer> positionOf(WaitlistEntry entry);

    /** The first waiting entry in service order; only those the reserve serves first when {@code servedFirstOnly}. */
    Mono<WaitlistEntry> first(PoolId poolId, boolean servedFirstOnly);

    /** Takes the entry off the waitlist (it got a unit, or left); false if it was not waiting any more. */
    Mono<Boolean> leave(WaitlistEntry entry, String why);

    /** The entries on which the referral waits now. */
    Flux<WaitlistEntry> waitingFor(ReferralId referralId);

    /** How many referrals wait per pool (pool id → count), for the given pools. */
    Mono<Map<PoolId, Long>> waitingCounts(Iterable<PoolId> poolIds);
}
