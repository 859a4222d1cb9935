package cn.referral.registry.adapter.out.persistence;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.domain.StaleVersion;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.outbox.OutboxFields;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.DuplicateRecord;
import cn.referral.platform.application.NotFound;
import cn.referral.registry.application.port.out.RecordStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores registry records as documents that carry their own outbox. A change is one guarded
 * single-document update: {@code $set} of the new state (fields now empty are {@code $unset}) and
 * {@code $push} of its snapshot event, only if the stored version is the one the change started from.
 * A removed record stays as a document flagged {@code removed} until the relay has published its
 * tombstone; it is never found again, and its unique keys are released.
 *
 * @param <T> the domain record
 * @param <I> the type of its id, stored as the document's plain {@code _id}
 * @param <D> its document, a Java record whose components are the stored fields
 */
abstract class MongoRecordStore<T extends RegistryRecord<I>, I, D extends Record> implements RecordStore<T, I> {

    static final String REMOVED = "removed";
    static final String VERSION = "version";

    protected final ReactiveMongoTemplate mongo;
    private final RegistrySnapshots snapshots;
    private final Class<D> documentType;
    private final String collection;
    private final String what;
    private final Function<I, String> idValue;

    /** {@code idValue}: the plain id a record's id is stored as (criteria take any object: a record would not match). */
    MongoRecordStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots, Class<D> documentType,
                     String collection, String what, Function<I, String> idValue) {
        this.mongo = mongo;
        this.snapshots = snapshots;
        this.documentType = documentType;
        this.collection = collection;
        this.what = what;
        this.idValue = idValue;
    }

    /** The document for a record; {@code removed}: withdrawn, so its unique keys are left out. */
    abstract D toDocument(T record, boolean removed, List<OutboxEvent> outbox);

    abstract T toDomain(D document);

    /** What a duplicate key on insert or update means for this kind of record. */
    Throwable duplicate(DuplicateKeyException error, T record) {
        return new DuplicateRecord(what, idValue.apply(record.id()));
    }

    @Override
    public Mono<T> findById(I id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(idValue.apply(id)).and(REMOVED).ne(true)), documentType,
                        collection)
                .map(this::toDomain);
    }

    @Override
    public Mono<T> insert(Outcome<T> change) {
        T record = change.state();
        return snapshots.toOutbox(change.events())
                .map(outbox -> toDocument(record, false, outbox))
                .flatMap(document -> mongo.insert(document, collection))
                .onErrorMap(DuplicateKeyException.class, error -> duplicate(error, record))
                .thenReturn(record);
    }

    @Override
    public Mono<T> update(Outcome<T> change, long expectedVersion) {
        T record = change.state();
        String id = idValue.apply(record.id());
        Query sameVersion = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion)
                .and(REMOVED).ne(true));
        boolean withdrawn = change.withdrawsRecord();
        return snapshots.toOutbox(change.events())
                .map(outbox -> OutboxUpdates.append(stateUpdate(toDocument(record, withdrawn, List.of())), outbox))
                .flatMap(update -> mongo.updateFirst(sameVersion, update, collection))
                .onErrorMap(DuplicateKeyException.class, error -> duplicate(error, record))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(record)
                        : whyNotUpdated(id, expectedVersion));
    }

    /** Live documents matching {@code criteria}, in the given query's order. */
    Flux<T> findLive(Query query) {
        return mongo.find(query.addCriteria(Criteria.where(REMOVED).ne(true)), documentType, collection)
                .map(this::toDomain);
    }

    private Mono<T> whyNotUpdated(String id, long expectedVersion) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and(REMOVED).ne(true)), Document.class, collection)
                .flatMap(current -> Mono.<T>error(new StaleVersion(what, id, expectedVersion,
                        ((Number) current.get(VERSION)).longValue())))
                .switchIfEmpty(Mono.error(() -> new NotFound(what, id)));
    }

    /** {@code $set} of every stored field but the id and the outbox; {@code $unset} of those now empty. */
    private Update stateUpdate(D document) {
        Document state = new Document();
        mongo.getConverter().write(document, state);
        Update update = new Update();
        for (RecordComponent component : documentType.getRecordComponents()) {
            String field = component.getName();
            if (field.equals("id") || field.equals(OutboxFields.OUTBOX)) {
                continue;
            }
            if (state.get(field) == null) {
                update.unset(field);
            } else {
                update.set(field, state.get(field));
            }
        }
        return update;
    }
}
