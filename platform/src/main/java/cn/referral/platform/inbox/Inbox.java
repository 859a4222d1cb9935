package cn.referral.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.events.IncomingEvent;
import reactor.core.publisher.Mono;

/**
 * Records every consumed event id ({@code ce_id}) per consumer, so a redelivered or duplicated
 * event has no second effect.
 * <p>
 * The record's {@code _id} is {@code consumer:eventId}, unique by construction. It is inserted as
 * {@code PROCESSING} before the effect and marked {@code DONE} after it. A failed effect removes the
 * record so the retry can run; a consumer that died mid-effect leaves a record whose lease runs
 * out, after which a redelivery may take it over. Effects must therefore still be idempotent at
 * the aggregate (they are: every handler checks the aggregate's state), but a completed event is
 * never applied twice.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    public enum Outcome { PROCESSED, DUPLICATE }

    private final ReactiveMongoTemplate mongo;
    private final InboxProperties properties;
    private final Clock clock;

    public Inbox(ReactiveMongoTemplate mongo, InboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Outcome> handleOnce(String consumer, IncomingEvent event, Mono<?> effect) {
        String recordId = consumer + ":" + event.id();
        return claim(recordId, consumer, event)
                .flatMap(claimed -> {
                    if (!claimed) {
                        log.info("Skipping duplicate event {} ({}) for {}", event.id(), event.type(), consumer);
                        return Mono.just(Outcome.DUPLICATE);
                    }
                    return effect
                            .then(markDone(recordId))
                            .thenReturn(Outcome.PROCESSED)
                            .onErrorResume(error -> release(recordId).then(Mono.error(error)));
                });
    }

    private Mono<Boolean> claim(String recordId, String consumer, IncomingEvent event) {
        Instant now = clock.instant();
        Document record = new Document("_id", recordId)
                .append("consumer", consumer)
                .append("eventId", event.id())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("status", "PROCESSING")
                .append("receivedAt", Date.from(now))
                .append("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.insert(record, properties.collection())
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> takeOverAbandoned(recordId, now));
    }

    private Mono<Boolean> takeOverAbandoned(String recordId, Instant now) {
        Query abandoned = new Query(Criteria.where("_id").is(recordId).and("status").is("PROCESSING")
                .and("leaseUntil").lt(Date.from(now)));
        Update lease = new Update().set("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.findAndModify(abandoned, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
                        properties.collection())
                .map(taken -> true)
                .defaultIfEmpty(false);
    }

    private Mono<Void> markDone(String recordId) {
        Update done = new Update().set("status", "DONE").set("completedAt", Date.from(clock.instant()))
                .unset("leaseUntil");
        return mongo.updateFirst(new Query(Criteria.where("_id").is(recordId)), done, properties.collection()).then();
    }

    private Mono<Void> release(String recordId) {
        return mongo.remove(new Query(Criteria.where("_id").is(recordId).and("status").is("PROCESSING")),
                properties.collection()).then();
    }

    /** Removes finished records older than the retention; emits how many. */
    public Mono<Long> purgeFinished() {
        Date before = Date.from(clock.instant().minus(properties.retention()));
        return mongo.remove(new Query(Criteria.where("status").is("DONE").and("completedAt").lt(before)),
                        properties.collection())
                .map(result -> result.getDeletedCount());
    }
}
