package cn.referral.registry.application.port.in;

import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * What every kind of record offers alike: withdrawing one registered in error. {@code expectedVersion}: the
 * version the caller read ({@code If-Match}); null when the caller did not say.
 *
 * @param <I> the type of its id
 */
public interface RemovalUseCases<I> {

    /** Withdraws a record registered in error: a tombstone on its topic. */
    Mono<Void> remove(Caller caller, I id, Long expectedVersion);
}
