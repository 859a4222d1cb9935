package cn.referral.referral.application.port.out;

import reactor.core.publisher.Mono;

/**
 * The local view of one of the registry's compacted topics (institutions, catalogs, contracts, alliances):
 * a snapshot older than the one held is dropped, a removal upstream is a removal here.
 *
 * @param <T> the snapshot, a domain record with its version
 * @param <K> its id
 */
public interface LocalView<T, K> {

    /** Keeps the snapshot unless a newer version is already held; emits whether it was kept. */
    Mono<Boolean> keepIfNewer(T snapshot);

    Mono<Void> remove(K id);
}
