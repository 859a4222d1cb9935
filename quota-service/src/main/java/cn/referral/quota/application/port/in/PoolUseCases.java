package cn.referral.quota.application.port.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.quota.domain.pool.Pool;
import reactor.core.publisher.Mono;

/**
 * What a hospital's referral desk does with its pools. Another institution's pools are not found,
 * except their free reserved units, which anyone who refers patients may see.
 */
public interface PoolUseCases {

    /** Opens a pool; {@code QuotaRuleViolation} if it does not reserve 20%, {@code DuplicatePool} if it exists. */
    Mono<PoolView> open(OpenPoolCommand command, Caller caller);

    /**
     * Opens each pool unless one with its id exists (start-up data); emits how many were new. One read
     * finds those already there, so a restart that finds them all costs one query, not one write each.
     */
    Mono<Long> openAllIfAbsent(Map<PoolId, OpenPoolCommand> pools);

    Mono<PoolView> find(PoolId poolId, Caller caller);

    Mono<List<PoolView>> list(InstitutionId institutionId, LocalDate date, Caller caller);

    /** Changes capacity and reserve; never below what is held. A grown reserve goes to waiting referrals. */
    Mono<PoolView> resize(PoolId poolId, int capacity, int reserved, Caller caller);

    /**
     * An institution's pools of a day, for their free reserved units only: read by doctors and desks
     * of any institution choosing where to refer (the seeds' 预留号源 for referred patients).
     * {@code NotPermitted} for callers who do not refer patients.
     */
    Mono<List<Pool>> reserveOn(InstitutionId institutionId, LocalDate date, Caller caller);

    /** Where the referral stands in the pools of the caller's institution (held, released or waiting). */
    Mono<List<PoolStanding>> standings(ReferralId referralId, Caller caller);
}
