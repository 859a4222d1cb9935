package cn.referral.billing.adapter.out.persistence;

import java.time.Clock;
import java.util.Date;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Reference data an administrator replaces with a PUT (policies, schedules): one document by key, written
 * with one {@code $set} that also stamps {@code updatedAt} and counts {@code version} up, created by the first PUT,
 * and read back through the store's own mapping to the domain.
 */
final class ReplacedDocuments<T> {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String collection;
    private final Function<Document, T> toDomain;

    ReplacedDocuments(ReactiveMongoTemplate mongo, Clock clock, String collection, Function<Document, T> toDomain) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
        this.toDomain = toDomain;
    }

    /** Sets {@code fields} on the document {@code key} (creating it), and emits it as stored. */
    Mono<T> replace(String key, Update fields) {
        Update update = fields.set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        return mongo.findAndModify(new Query(Criteria.where("_id").is(key)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection).map(toDomain);
    }

    Mono<T> find(String key) {
        return mongo.findById(key, Document.class, collection).map(toDomain);
    }
}
