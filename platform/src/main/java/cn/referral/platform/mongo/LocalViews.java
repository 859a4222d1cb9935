package cn.referral.platform.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * A service's local view of another service's compacted topic (DESIGN §2: "prefer a local view
 * built from a compacted topic"). Snapshots carry a version; a redelivered or reordered older one
 * must never overwrite a newer one, and a tombstone removes the entry.
 */
public final class LocalViews {

    private LocalViews() {
    }

    /**
     * Keeps the snapshot unless a newer version is held, in one conditional upsert that matches only an
     * older version: when a newer one is held the upsert collides on {@code _id}, which means "stale,
     * keep what we have". Emits whether the snapshot was kept.
     */
    public static Mono<Boolean> keepIfNewer(ReactiveMongoTemplate mongo, String collection, String id, long version,
                                            Update state) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(id).and("version").lt(version));
        return mongo.upsert(olderOrAbsent, state.set("version", version), collection)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.just(false));
    }

    /** A tombstone: the key was removed upstream. */
    public static Mono<Void> remove(ReactiveMongoTemplate mongo, String collection, String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), collection).then();
    }
}
