package cn.referral.referral.adapter.out.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/** Local views of the registry's compacted topics: keep a snapshot only if it is newer than the one held. */
final class VersionedViews {

    private VersionedViews() {
    }

    /**
     * One conditional upsert: it matches only an older version. When a newer one is held the
     * upsert collides on {@code _id}, which means "stale, keep what we have".
     */
    static Mono<Boolean> keepIfNewer(ReactiveMongoTemplate mongo, String collection, String id, long version,
                                     Update state) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(id).and("version").lt(version));
        return mongo.upsert(olderOrAbsent, state.set("version", version), collection)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.just(false));
    }

    static Mono<Void> remove(ReactiveMongoTemplate mongo, String collection, String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), collection).then();
    }
}
