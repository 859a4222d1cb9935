package cn.referral.platform.mongo;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * A local view of one topic in one collection: each snapshot is stored under its id with its version and
 * fields, and only when newer than the one held ({@link LocalViews}). A snapshot and a tombstone find their
 * document through the same {@code key}; {@code changed} is called after every snapshot stored (or found
 * stale) and every removal.
 *
 * @param <T> the snapshot
 * @param <K> its id
 */
public final class MongoLocalView<T, K> implements LocalView<T, K> {

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Function<K, String> key;
    private final Function<T, K> id;
    private final ToLongFunction<T> version;
    private final Function<T, Update> fields;
    private final Supplier<Mono<Void>> changed;

    /**
     * @param key     the {@code _id} of a snapshot's document, from the snapshot's id
     * @param id      the snapshot's id
     * @param version the snapshot's version
     * @param fields  the document's other fields, from the snapshot
     * @param changed called after every snapshot and every removal
     */
    public MongoLocalView(ReactiveMongoTemplate mongo, String collection, Function<K, String> key,
                          Function<T, K> id, ToLongFunction<T> version, Function<T, Update> fields,
                          Supplier<Mono<Void>> changed) {
        this.mongo = mongo;
        this.collection = collection;
        this.key = key;
        this.id = id;
        this.version = version;
        this.fields = fields;
        this.changed = changed;
    }

    /** A view nobody needs to hear about. */
    public MongoLocalView(ReactiveMongoTemplate mongo, String collection, Function<K, String> key,
                          Function<T, K> id, ToLongFunction<T> version, Function<T, Update> fields) {
        this(mongo, collection, key, id, version, fields, Mono::empty);
    }

    @Override
    public Mono<Boolean> keepIfNewer(T snapshot) {
        return LocalViews.keepIfNewer(mongo, collection, key.apply(id.apply(snapshot)), version.applyAsLong(snapshot),
                        fields.apply(snapshot))
                .flatMap(kept -> changed.get().thenReturn(kept));
    }

    @Override
    public Mono<Void> remove(K removed) {
        return LocalViews.remove(mongo, collection, key.apply(removed)).then(Mono.defer(changed));
    }
}
