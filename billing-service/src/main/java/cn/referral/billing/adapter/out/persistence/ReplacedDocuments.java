package cn.referral.billing.adapter.out.persistence;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Reference data an administrator replaces with a PUT (policies, schedules): one document by key, written
 * with one {@code $set} that also stamps {@code updatedAt} and counts {@code version} up, created by the first PUT.
 */
final class ReplacedDocuments {

    private ReplacedDocuments() {
    }

    /** Sets {@code fields} on the document {@code key} (creating it), and emits the document as stored. */
    static Mono<Document> replace(ReactiveMongoTemplate mongo, String collection, String key, Update fields,
                                  Clock clock) {
        Update update = fields.set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        return mongo.findAndModify(new Query(Criteria.where("_id").is(key)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection);
    }
}
