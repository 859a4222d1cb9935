package cn.referral.registry.application.port.out;

import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
import reactor.core.publisher.Mono;

/**
 * Where records of one kind live. A change and the event announcing it are stored in one atomic
 * single-document write; removed records are no longer found.
 *
 * @param <T> the record
 * @param <I> the type of its id
 */
public interface RecordStore<T extends RegistryRecord<I>, I> {

    Mono<T> findById(I id);

    /** Stores a new record; fails with {@code DuplicateRecord} if the id is taken. */
    Mono<T> insert(Outcome<T> change);

    /**
     * Stores a change of the record that was at {@code expectedVersion}; fails with
     * {@code StaleVersion} if it changed meanwhile, with {@code NotFound} if it is gone.
     */
    Mono<T> update(Outcome<T> change, long expectedVersion);
}
