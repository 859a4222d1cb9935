package cn.referral.platform.mongo;

import reactor.core.publisher.Mono;

/**
 * A service's local view of another service's compacted topic (DESIGN §2): a snapshot older than the one
 * held is dropped, a removal upstream (a tombstone) is a removal here. Services use it as an outbound port;
 * {@link MongoLocalView} keeps it in a collection.
 *
 * @param <T> the snapshot, a domain record with its version
 * @param <K> its id
 */
public interface LocalView<T, K> {

    /** Keeps the snapshot unless a newer version is already held; emits whether it was kept. */
    Mono<Boolean> keepIfNewer(T snapshot);

    Mono<Void> remove(K id);
}
