package cn.referral.platform.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

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
 * {@code PROCESSING} before the effect and marked {@code DONE} after it. A failed or cancelled
 * (timed out) effect removes the record so the retry can run; a consumer that died mid-effect
 * leaves a record whose lease runs out, after which a redelivery takes it over. A delivery that
 * meets a record still {@code PROCESSING} under a live lease fails with
 * {@link EventInProgressException} instead of being acknowledged: the other delivery may yet fail,
 * and acknowledging would lose the event. Effects must therefore still be idempotent at the
 * aggregate (they are: every handler checks the aggregate's state), but a completed event is never
 * applied twice.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    public enum Outcome { PROCESSED, DUPLICATE }

    private static final String PROCESSING = "PROCESSING";
    private static final String DONE = "DONE";

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
        String claim = UUID.randomUUID().toString();
        return claim(recordId, claim, consumer, event)
                .flatMap(state -> switch (state) {
                    case CLAIMED -> effect
                            .then(markDone(recordId, claim))
                            .thenReturn(Outcome.PROCESSED)
                            .onErrorResume(error -> release(recordId, claim).then(Mono.error(error)))
                            .doOnCancel(() -> release(recordId, claim).subscribe(null, error -> log.warn(
                                    "Could not release {} after a cancelled delivery: {}", recordId, error.toString())));
                    case DONE -> {
                        log.info("Skipping duplicate event {} ({}) for {}", event.id(), event.type(), consumer);
                        yield Mono.just(Outcome.DUPLICATE);
                    }
                    case IN_PROGRESS -> Mono.error(new EventInProgressException(consumer, event.id()));
                });
    }

    private enum RecordState { CLAIMED, DONE, IN_PROGRESS }

    private Mono<RecordState> claim(String recordId, String claim, String consumer, IncomingEvent event) {
        Instant now = clock.instant();
        Document record = new Document("_id", recordId)
                .append("consumer", consumer)
                .append("eventId", event.id())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("status", PROCESSING)
                .append("claim", claim)
                .append("receivedAt", Date.from(now))
                .append("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.insert(record, properties.collection())
                .thenReturn(RecordState.CLAIMED)
                .onErrorResume(DuplicateKeyException.class, duplicate -> takeOverAbandoned(recordId, claim, now));
    }

    private Mono<RecordState> takeOverAbandoned(String recordId, String claim, Instant now) {
        Query abandoned = new Query(Criteria.where("_id").is(recordId).and("status").is(PROCESSING)
                .and("leaseUntil").lt(Date.from(now)));
        Update lease = new Update().set("claim", claim)
                .set("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.findAndModify(abandoned, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
                        properties.collection())
                .map(taken -> RecordState.CLAIMED)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(recordId, Document.class, properties.collection())
                        .map(existing -> DONE.equals(existing.getString("status")) ? RecordState.DONE
                                : RecordState.IN_PROGRESS)
                        // released between our insert and this look-up: the retry will claim it
                        .defaultIfEmpty(RecordState.IN_PROGRESS)));
    }

    private Mono<Void> markDone(String recordId, String claim) {
        Update done = new Update().set("status", DONE).set("completedAt", Date.from(clock.instant()))
                .unset("leaseUntil");
        return mongo.updateFirst(new Query(Criteria.where("_id").is(recordId).and("claim").is(claim)), done,
                properties.collection()).then();
    }

    /** Removes our own unfinished claim, never one a later delivery took over. */
    private Mono<Void> release(String recordId, String claim) {
        return mongo.remove(new Query(Criteria.where("_id").is(recordId).and("status").is(PROCESSING)
                        .and("claim").is(claim)), properties.collection()).then();
    }

    /** Removes finished records older than the retention; emits how many. */
    public Mono<Long> purgeFinished() {
        Date before = Date.from(clock.instant().minus(properties.retention()));
        return mongo.remove(new Query(Criteria.where("status").is(DONE).and("completedAt").lt(before)),
                        properties.collection())
                .map(result -> result.getDeletedCount());
    }
}
