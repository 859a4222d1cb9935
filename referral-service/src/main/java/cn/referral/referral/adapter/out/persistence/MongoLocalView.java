package cn.referral.referral.adapter.out.persistence;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.mongo.LocalViews;
import cn.referral.referral.application.port.out.LocalView;
import reactor.core.publisher.Mono;

/**
 * A local view of one registry topic in one collection: each snapshot is stored under its id with its
 * version and fields, and only when newer than the one held ({@link LocalViews}); {@code changed} is
 * called after every snapshot stored (or found stale) and every removal.
 */
record MongoLocalView<T, K>(ReactiveMongoTemplate mongo, String collection, Function<T, Row> row,
                            Function<K, String> key, Supplier<Mono<Void>> changed) implements LocalView<T, K> {

    /** A snapshot as it is stored: its {@code _id}, its version and its fields. */
    record Row(String id, long version, Update fields) {
    }

    MongoLocalView(ReactiveMongoTemplate mongo, String collection, Function<T, Row> row, Function<K, String> key) {
        this(mongo, collection, row, key, Mono::empty);
    }

    @Override
    public Mono<Boolean> keepIfNewer(T snapshot) {
        Row stored = row.apply(snapshot);
        return LocalViews.keepIfNewer(mongo, collection, stored.id(), stored.version(), stored.fields())
                .flatMap(kept -> changed.get().thenReturn(kept));
    }

    @Override
    public Mono<Void> remove(K id) {
        return LocalViews.remove(mongo, collection, key.apply(id)).then(Mono.defer(changed));
    }
}
