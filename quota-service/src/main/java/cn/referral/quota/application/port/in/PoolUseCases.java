package cn.referral.quota.application.port.in;

import java.time.LocalDate;
import java.util.List;

import cn.referral.platform.security.Caller;
import cn.referral.quota.domain.Pool;
import reactor.core.publisher.Mono;

/** What a hospital's referral desk does with its pools. Another institution's pools are not found. */
public interface PoolUseCases {

    /** Opens a pool; {@code QuotaRuleViolation} if it does not reserve 20%, {@code DuplicatePool} if it exists. */
    Mono<Pool> open(OpenPoolCommand command, Caller caller);

    /** Opens the pool unless it exists (start-up data); emits whether it was new. */
    Mono<Boolean> openIfAbsent(String id, OpenPoolCommand command);

    Mono<Pool> find(String poolId, Caller caller);

    Mono<List<Pool>> list(String institutionId, LocalDate date, Caller caller);

    /** Changes capacity and reserve; never below what is held. */
    Mono<Pool> resize(String poolId, int capacity, int reserved, Caller caller);

    /** The pools at the caller's institution that know the referral (held, released or waiting). */
    Mono<List<Pool>> poolsKnowing(String referralId, Caller caller);
}
