package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.out.RecordStore;
import cn.referral.registry.domain.Removable;
import reactor.core.publisher.Mono;

/**
 * What the use cases of every kind of record start from: its store, the clock, new ids and {@link RecordChanges},
 * the one way a record is inserted or changed; and the removal of a record registered in error, the same for all.
 *
 * @param <T> the record
 * @param <I> the type of its id
 * @param <S> its store
 */
abstract class RecordService<T extends Removable<I, T>, I, S extends RecordStore<T, I>> {

    protected final S store;
    protected final Clock clock;
    /** New ids for records created without one. */
    protected final Supplier<String> ids;
    protected final RecordChanges<T, I> changes;

    RecordService(S store, String what, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.changes = new RecordChanges<>(store, what);
    }

    public Mono<Void> remove(Caller caller, I id, Long expectedVersion) {
        return changes.change(caller, id, expectedVersion, current -> current.remove(clock.instant())).then();
    }
}
