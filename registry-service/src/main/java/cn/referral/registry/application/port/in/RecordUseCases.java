package cn.referral.registry.application.port.in;

import cn.referral.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * What institutions, alliances, catalogs and practitioners offer alike. {@code expectedVersion}: the version the
 * caller read ({@code If-Match}); null when the caller did not say, which deactivation and removal allow.
 *
 * @param <T> the record
 * @param <I> the type of its id
 */
public interface RecordUseCases<T, I> extends RemovalUseCases<I> {

    Mono<T> deactivate(Caller caller, I id, Long expectedVersion);

    /** The record; {@code NotFound} if there is none. */
    Mono<T> find(I id);
}
