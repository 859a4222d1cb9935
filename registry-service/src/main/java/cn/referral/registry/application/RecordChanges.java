package cn.referral.registry.application;

import java.util.function.Function;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.out.RecordStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
import reactor.core.publisher.Mono;

/**
 * The one way a record is written, always an administrator's request: a new record is made and inserted; an
 * existing one is read, the version the caller saw checked, changed and stored guarded by the version read.
 *
 * @param <T> the record
 * @param <I> the type of its id
 */
final class RecordChanges<T extends RegistryRecord<I>, I> {

    private final RecordStore<T, I> store;
    private final String what;

    RecordChanges(RecordStore<T, I> store, String what) {
        this.store = store;
        this.what = what;
    }

    /** A new record, as {@code create} makes it (with the checks it needs): returns what is stored. */
    Mono<T> insert(Caller caller, Mono<Outcome<T>> create) {
        return RegistryAccess.asAdmin(caller, create.flatMap(store::insert));
    }

    /** {@code expectedVersion} null: the caller did not say which version it saw (allowed for deactivation and removal). */
    Mono<T> change(Caller caller, I id, Long expectedVersion, Function<T, Outcome<T>> change) {
        return changeChecked(caller, id, expectedVersion, current -> Mono.fromSupplier(() -> change.apply(current)));
    }

    /** As {@link #change}, with a check that reads other records before the change is stored. */
    Mono<T> changeChecked(Caller caller, I id, Long expectedVersion, Function<T, Mono<Outcome<T>>> change) {
        return RegistryAccess.asAdmin(caller, found(id)
                .flatMap(current -> {
                    if (expectedVersion != null) {
                        current.requireVersion(expectedVersion);
                    }
                    return change.apply(current).flatMap(next -> store.update(next, current.version()));
                }));
    }

    /** The record with this id; {@code NotFound} if there is none. */
    Mono<T> found(I id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> new NotFound(what, id.toString())));
    }

    /** A new record under a fixed id unless one exists (demo data): returns what is stored. */
    Mono<T> insertIfAbsent(Caller caller, I id, Function<I, Mono<Outcome<T>>> create) {
        return RegistryAccess.asAdmin(caller, store.findById(id)
                .switchIfEmpty(Mono.defer(() -> create.apply(id).flatMap(store::insert))));
    }
}
