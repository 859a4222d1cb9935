package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.RecordUseCases;
import cn.referral.registry.application.port.out.RecordStore;
import cn.referral.registry.domain.Deactivatable;
import reactor.core.publisher.Mono;

/**
 * The use cases institutions, alliances, catalogs and practitioners share: read one, deactivate it, remove it. A
 * service adds how its kind is created and revised.
 *
 * @param <T> the record
 * @param <I> the type of its id
 * @param <S> its store
 */
abstract class DeactivatableRecordService<T extends Deactivatable<I, T>, I,
        S extends RecordStore<T, I>> extends RecordService<T, I, S> implements RecordUseCases<T, I> {

    DeactivatableRecordService(S store, String what, Clock clock, Supplier<String> ids) {
        super(store, what, clock, ids);
    }

    @Override
    public Mono<T> deactivate(Caller caller, I id, Long expectedVersion) {
        return changes.change(caller, id, expectedVersion, current -> current.deactivate(clock.instant()));
    }

    @Override
    public Mono<T> find(I id) {
        return changes.found(id);
    }
}
