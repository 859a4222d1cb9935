package cn.referral.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.events.IncomingEvent;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

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
 * and acknowledging would lose the event; the consumer retries it until the lease has run out
 * ({@code ConsumerRedelivery}). Once the effect has run, the claim is never given back: if the
 * DONE mark then fails, the retry here only marks. What no inbox without transactions can close:
 * a process that dies between its effect and its DONE mark leaves the effect to run again after
 * the lease. Effects must therefore still be idempotent at the aggregate (they are: every handler
 * checks the aggregate's state), but a completed event is never applied twice.
 * <p>
 * A claim names its owner: the service instance (its static-membership id, {@code StaticMembership}) and
 * this run of it (a random incarnation per process). An instance restarted after a crash meets its previous
 * run's claims first, on the partitions it takes back; that run is gone (the restart replaced it as the group's
 * static member), so the claim is taken over at once instead of after the lease: the lease only has to cover a
 * claim held by another instance, which may still be running. Without an owner (tests, several instances in
 * one JVM) only the lease frees a claim.
 * <p>
 * A claim made before this instance was given the event's partition ({@code partitionAssignedAt}, from
 * {@code PartitionAssignments}) is taken over at once too: Kafka gave the partition to this instance only after
 * the claim's owner gave it up or was removed from the group, so with two replicas the survivor of a crash
 * serves the dead one's events when its session runs out, not a lease later. What no group protocol closes: an
 * owner removed while it was paused (a long GC) may still finish its effect; as after a lease, the effect's
 * idempotence at the aggregate keeps that to one change.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    public enum Outcome { PROCESSED, DUPLICATE }

    /** The effect's context key: when this delivery took the event over from an abandoned one. */
    private static final String TAKEN_OVER_AT = Inbox.class.getName() + ".takenOverAt";

    /**
     * When the delivery running this effect took its event over from an earlier delivery that was abandoned (its
     * process crashed, or lost the event's partition), read from the effect's context; empty when it did not. A
     * claim of the effect's own that the earlier delivery made before then (e.g. a placement in progress) was that
     * delivery's, and may be taken over at once instead of after a lease of its own.
     */
    public static Optional<Instant> takenOverAt(ContextView context) {
        return context.getOrEmpty(TAKEN_OVER_AT);
    }

    private static final String PROCESSING = "PROCESSING";
    private static final String DONE = "DONE";

    private final ReactiveMongoTemplate mongo;
    private final InboxProperties properties;
    private final Clock clock;
    /** Records whose effect ran here but whose DONE mark failed, with our claim on them. */
    private final Map<String, String> effectedNotMarked = new ConcurrentHashMap<>();
    /** The instance whose claims these are, stable across its restarts; null when there is none. */
    private final String owner;
    /** This run of the instance. */
    private final String incarnation = UUID.randomUUID().toString();

    public Inbox(ReactiveMongoTemplate mongo, InboxProperties properties, Clock clock) {
        this(mongo, properties, clock, null);
    }

    public Inbox(ReactiveMongoTemplate mongo, InboxProperties properties, Clock clock, String owner) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        this.owner = owner == null || owner.isBlank() ? null : owner;
    }

    public Mono<Outcome> handleOnce(String consumer, IncomingEvent event, Mono<?> effect) {
        return handleOnce(consumer, event, null, effect);
    }

    /**
     * Runs {@code effect} once for {@code event} at {@code consumer}; {@code partitionAssignedAt} is when this
     * instance was given the partition the event came from (null when unknown): a claim made before then is
     * taken over at once.
     */
    public Mono<Outcome> handleOnce(String consumer, IncomingEvent event, Instant partitionAssignedAt,
                                    Mono<?> effect) {
        String recordId = consumer + ":" + event.id();
        String unmarked = effectedNotMarked.get(recordId);
        if (unmarked != null) {
            // an earlier delivery here ran the effect and then failed to mark it done: mark it, do not run it again
            return markAfterEffect(recordId, unmarked).thenReturn(Outcome.PROCESSED);
        }
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return claim(recordId, claim, consumer, event, partitionAssignedAt, now)
                .flatMap(state -> switch (state) {
                    case CLAIMED, TAKEN_OVER -> runEffect(recordId, claim,
                                    state == RecordState.TAKEN_OVER ? effect.contextWrite(Context.of(TAKEN_OVER_AT, now))
                                            : effect)
                            .then(Mono.defer(() -> markAfterEffect(recordId, claim)))
                            .thenReturn(Outcome.PROCESSED);
                    case DONE -> {
                        log.info("Skipping duplicate event {} ({}) for {}", event.id(), event.type(), consumer);
                        yield Mono.just(Outcome.DUPLICATE);
                    }
                    case IN_PROGRESS -> Mono.error(new EventInProgressException(consumer, event.id()));
                });
    }

    /** A failed or cancelled effect gives the claim back, so that the retry runs the effect. */
    private Mono<Void> runEffect(String recordId, String claim, Mono<?> effect) {
        return effect.then()
                .onErrorResume(error -> release(recordId, claim).then(Mono.error(error)))
                .doOnCancel(() -> release(recordId, claim).subscribe(null, error -> log.warn(
                        "Could not release {} after a cancelled delivery: {}", recordId, error.toString())));
    }

    /**
     * After the effect ran, the claim is never given back: a failed (or cancelled) mark is
     * remembered, and the retry of the delivery only marks, it does not run the effect again.
     */
    private Mono<Void> markAfterEffect(String recordId, String claim) {
        return markDone(recordId, claim)
                .doOnSuccess(done -> effectedNotMarked.remove(recordId))
                .doOnError(error -> {
                    log.warn("The effect of {} ran but could not be marked done, the retry will mark it: {}",
                            recordId, error.toString());
                    effectedNotMarked.put(recordId, claim);
                })
                .doOnCancel(() -> effectedNotMarked.put(recordId, claim));
    }

    private enum RecordState { CLAIMED, TAKEN_OVER, DONE, IN_PROGRESS }

    private Mono<RecordState> claim(String recordId, String claim, String consumer, IncomingEvent event,
                                    Instant partitionAssignedAt, Instant now) {
        Document record = new Document("_id", recordId)
                .append("consumer", consumer)
                .append("eventId", event.id())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("status", PROCESSING)
                .append("claim", claim)
                .append("owner", owner)
                .append("incarnation", incarnation)
                .append("receivedAt", Date.from(now))
                .append("claimedAt", Date.from(now))
                .append("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.insert(record, properties.collection())
                .thenReturn(RecordState.CLAIMED)
                .onErrorResume(DuplicateKeyException.class,
                        duplicate -> takeOverAbandoned(recordId, claim, now, partitionAssignedAt));
    }

    /**
     * Takes over a claim whose lease ran out, one left by an earlier run of this same instance (it crashed: a
     * clean stop gives its claims back), or one made before this instance was given the event's partition.
     */
    private Mono<RecordState> takeOverAbandoned(String recordId, String claim, Instant now,
                                                Instant partitionAssignedAt) {
        List<Criteria> abandonedBy = new ArrayList<>();
        abandonedBy.add(Criteria.where("leaseUntil").lt(Date.from(now)));
        if (owner != null) {
            abandonedBy.add(Criteria.where("owner").is(owner).and("incarnation").ne(incarnation));
        }
        if (partitionAssignedAt != null) {
            abandonedBy.add(Criteria.where("claimedAt").lt(Date.from(partitionAssignedAt)));
        }
        Query abandoned = new Query(Criteria.where("_id").is(recordId).and("status").is(PROCESSING)
                .orOperator(abandonedBy));
        Update lease = new Update().set("claim", claim).set("owner", owner).set("incarnation", incarnation)
                .set("claimedAt", Date.from(now)).set("leaseUntil", Date.from(now.plus(properties.processingLease())));
        return mongo.findAndModify(abandoned, lease, FindAndModifyOptions.options().returnNew(false), Document.class,
                        properties.collection())
                .map(previous -> {
                    logTakeover(recordId, previous, now);
                    return RecordState.TAKEN_OVER;
                })
                .switchIfEmpty(Mono.defer(() -> mongo.findById(recordId, Document.class, properties.collection())
                        .map(existing -> DONE.equals(existing.getString("status")) ? RecordState.DONE
                                : RecordState.IN_PROGRESS)
                        // released between our insert and this look-up: the retry will claim it
                        .defaultIfEmpty(RecordState.IN_PROGRESS)));
    }

    /** A claim taken over before its lease ran out says from whom and why, at INFO: it is how a crash ends. */
    private void logTakeover(String recordId, Document previous, Instant now) {
        Date leaseUntil = previous.getDate("leaseUntil");
        if (leaseUntil == null || leaseUntil.toInstant().isBefore(now)) {
            return;
        }
        Duration early = Duration.between(now, leaseUntil.toInstant());
        String previousOwner = previous.getString("owner");
        if (owner != null && owner.equals(previousOwner)) {
            log.info("Took over {} from an earlier run of this instance ({}), {} before its lease ran out",
                    recordId, owner, early);
        } else {
            log.info("Took over {} from {}, which no longer has its partition, {} before its lease ran out",
                    recordId, previousOwner == null ? "an instance without a name" : previousOwner, early);
        }
    }

    /** Marks our claim done (an idempotent update; a test overrides it to make it fail). */
    protected Mono<Void> markDone(String recordId, String claim) {
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

    /** The index {@link #purgeFinished()} uses on a real MongoDB; without it every purge scans the inbox. */
    public Mono<String> ensurePurgeIndex() {
        return mongo.indexOps(properties.collection()).createIndex(new Index()
                .on("status", Sort.Direction.ASC).on("completedAt", Sort.Direction.ASC).named("inbox_purge"));
    }

    /** Removes finished records older than the retention; emits how many. */
    public Mono<Long> purgeFinished() {
        Date before = Date.from(clock.instant().minus(properties.retention()));
        return mongo.remove(new Query(Criteria.where("status").is(DONE).and("completedAt").lt(before)),
                        properties.collection())
                .map(result -> result.getDeletedCount());
    }
}
