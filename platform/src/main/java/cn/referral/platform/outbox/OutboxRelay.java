package cn.referral.platform.outbox;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import cn.referral.platform.events.CloudEventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents' {@code outbox} arrays, at least once.
 * <p>
 * A pass over a collection claims one document at a time with an atomic {@code findAndModify}
 * that sets a lease, so several replicas never publish the same document at once. The relay sends
 * the document's events in order (all at once: the idempotent producer keeps them in order),
 * waits for the broker's acknowledgements, then pulls exactly the sent events from the array. If
 * it dies between send and pull, the lease runs out and another relay sends them again with the
 * same {@code ce_id}: consumers' inboxes absorb the duplicate.
 * <p>
 * A lease names the relay's run and, when it has one, its service instance (its static-membership id,
 * {@code StaticMembership}, stable across restarts, as the {@code Inbox}'s claims do). An instance restarted
 * after a crash takes its earlier run's leases over at once instead of after the lease: that run is gone (a
 * running instance keeps its port, and with it its id), and records it handed to the producer can no longer
 * arrive. Without this a restart left the documents the dead run had claimed, a busy pool among them, unsent
 * for the rest of the 40 s lease (issue #14: the crash runs that took 33-40 s). A lease held by another
 * instance, which may still be running, is left to run out.
 * <p>
 * {@link OutboxRelayJob} runs a pass when a write appended events ({@link OutboxWakeUps}) and
 * every poll interval as the safety net. A pass goes on while it finds work: after
 * {@code batchSize} claimed documents it looks again.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** What one claim did: whether it found a document, and how many events it published. */
    private record Claimed(boolean found, long published) {
        static final Claimed NOTHING = new Claimed(false, 0);
    }

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String source;
    /** This run of the relay. */
    private final String owner;
    /** The service instance this run belongs to, stable across its restarts; null when there is none. */
    private final String instance;
    private final MeterRegistry meters;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       Clock clock, String source, MeterRegistry meters) {
        this(mongo, kafka, properties, clock, source, meters, null);
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       Clock clock, String source, MeterRegistry meters, String instance) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.source = source;
        this.meters = meters;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        this.instance = instance == null || instance.isBlank() ? null : instance;
    }

    /** One pass over every outbox collection; emits how many events were published. */
    public Mono<Long> relayOnce() {
        return Flux.fromIterable(properties.collections())
                .concatMap(this::drain)
                .reduce(0L, Long::sum);
    }

    /** Publishes {@code collection}'s waiting events until a claim finds nothing; emits how many. */
    public Mono<Long> drain(String collection) {
        // one search first: a poll of a collection with nothing waiting costs one query, not one per worker
        return claimAndPublish(collection, null)
                .flatMap(first -> pass(collection)
                        .expand(previous -> previous.full() ? pass(collection) : Mono.empty())
                        .reduce(first, (sum, pass) -> sum + pass.published()))
                .defaultIfEmpty(0L);
    }

    /** What a pass did; {@code full} when every worker used all its claims: there may be more work. */
    private record Pass(boolean full, long published) {

        Pass plus(Pass other) {
            return new Pass(full && other.full, published + other.published);
        }
    }

    /**
     * {@code concurrency} workers claim and publish documents side by side, each one after the other
     * until it finds none or has used its share of {@code batchSize}. Documents are independent (an
     * aggregate's events are in one document), so their order does not matter; within a document it
     * is kept.
     */
    private Mono<Pass> pass(String collection) {
        int workers = properties.concurrency();
        int claimsPerWorker = Math.max(1, properties.batchSize() / workers);
        return Flux.range(0, workers)
                .flatMap(worker -> worker(collection, claimsPerWorker), workers)
                .reduce(Pass::plus);
    }

    private Mono<Pass> worker(String collection, int claims) {
        return Flux.range(0, claims)
                // one claim at a time; takeWhile cancels only the range, never a publish in flight
                .concatMap(i -> claimNext(collection)
                        .flatMap(document -> publish(collection, document).map(published -> new Claimed(true, published)))
                        .defaultIfEmpty(Claimed.NOTHING), 1)
                .takeWhile(Claimed::found)
                .reduce(new long[] {0, 0}, (sums, claimed) -> new long[] {sums[0] + 1, sums[1] + claimed.published()})
                .map(sums -> new Pass(sums[0] == claims, sums[1]));
    }

    /**
     * Publishes the waiting events of the named documents (those a write just gave events), each
     * claimed by its {@code _id}: no search of the collection. Emits how many events were published.
     */
    public Mono<Long> drainDocuments(String collection, Collection<?> documentIds) {
        return Flux.fromIterable(documentIds)
                .flatMap(id -> claimAndPublish(collection, id)
                        // more events than one claim takes, or appended while we published: claim it again
                        .expand(published -> claimAndPublish(collection, id)), properties.concurrency())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> claimAndPublish(String collection, Object documentId) {
        return claimNext(collection, documentId).flatMap(document -> publish(collection, document));
    }

    private Mono<Document> claimNext(String collection) {
        return claimNext(collection, null);
    }

    /**
     * Claims a document with waiting events and no live lease, or one leased by an earlier run of this instance:
     * {@code documentId}, or any (null).
     */
    private Mono<Document> claimNext(String collection, Object documentId) {
        Instant now = clock.instant();
        List<Criteria> free = new ArrayList<>(List.of(
                Criteria.where(OutboxFields.LEASE).exists(false),
                Criteria.where(OutboxFields.LEASE + ".until").lt(Date.from(now))));
        if (instance != null) {
            free.add(Criteria.where(OutboxFields.LEASE + ".instance").is(instance)
                    .and(OutboxFields.LEASE + ".owner").ne(owner));
        }
        Criteria which = documentId == null ? new Criteria() : Criteria.where("_id").is(documentId);
        Query unclaimedWithEvents = new Query(which.andOperator(Criteria.where(OutboxFields.OUTBOX + ".0").exists(true),
                new Criteria().orOperator(free)));
        Document leased = new Document("owner", owner);
        if (instance != null) {
            leased.append("instance", instance);
        }
        Update lease = new Update().set(OutboxFields.LEASE, leased.append("until", Date.from(now.plus(properties.lease()))));
        // the document as it was: its events are the same, and its old lease says whether this took one over
        return mongo.findAndModify(unclaimedWithEvents, lease, FindAndModifyOptions.options().returnNew(false),
                Document.class, collection).doOnNext(previous -> logTakeover(collection, previous, now));
    }

    /** A lease taken over before it ran out says so at INFO: it is how a crash ends. */
    private void logTakeover(String collection, Document previous, Instant now) {
        Document lease = previous.get(OutboxFields.LEASE, Document.class);
        Date until = lease == null ? null : lease.getDate("until");
        if (until != null && until.toInstant().isAfter(now)) {
            log.info("Took over the outbox of {} {} from an earlier run of this instance ({}), {} before its lease "
                    + "ran out", collection, previous.get("_id"), instance, Duration.between(now, until.toInstant()));
        }
    }

    /**
     * The index the claim query uses on a real MongoDB: only documents with waiting events are in
     * it (partial on {@code outbox.0}), by lease expiry. Without it every claim scans the collection.
     */
    public Mono<String> ensureClaimIndex(String collection) {
        Index index = new Index().on(OutboxFields.LEASE + ".until", Sort.Direction.ASC).named("outbox_claim")
                .partial(PartialIndexFilter.of(Criteria.where(OutboxFields.OUTBOX + ".0").exists(true)));
        return mongo.indexOps(collection).createIndex(index);
    }

    private Mono<Long> publish(String collection, Document document) {
        List<Document> events = document.getList(OutboxFields.OUTBOX, Document.class);
        List<Document> batch = events.subList(0, Math.min(events.size(), properties.eventsPerClaim()));
        List<String> ids = batch.stream().map(event -> event.getString(OutboxFields.EVENT_ID)).toList();
        return sendInOrder(batch)
                .then(Mono.defer(() -> removePublished(collection, document.get("_id"), ids)))
                .doOnSuccess(done -> {
                    meters.counter("outbox.published", "collection", collection).increment(ids.size());
                    Instant acknowledged = clock.instant();
                    Timer delay = meters.timer("outbox.delay", "collection", collection);
                    batch.forEach(event -> delay.record(Duration.between(event.getDate("time").toInstant(),
                            acknowledged)));
                })
                .thenReturn((long) ids.size())
                .onErrorResume(error -> {
                    log.warn("Publishing the outbox of {} {} failed, retrying later: {}", collection,
                            document.get("_id"), error.toString());
                    meters.counter("outbox.failures", "collection", collection).increment();
                    return retryLater(collection, document.get("_id")).thenReturn(0L);
                });
    }

    /**
     * Hands every event to the producer in order, then waits for all acknowledgements, all within
     * the send timeout. {@code KafkaTemplate.send} may block for metadata: off the event loop.
     */
    private Mono<Void> sendInOrder(List<Document> events) {
        return Mono.fromCallable(() -> events.stream().map(event -> kafka.send(record(event))).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> Mono.fromFuture(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))))
                .timeout(properties.sendTimeout())
                .then();
    }

    /** Pulls exactly the sent events; events appended meanwhile stay for the next poll. */
    protected Mono<Void> removePublished(String collection, Object documentId, List<String> sentEventIds) {
        Query ours = new Query(Criteria.where("_id").is(documentId).and(OutboxFields.LEASE + ".owner").is(owner));
        Update pull = new Update()
                .pull(OutboxFields.OUTBOX, new Document(OutboxFields.EVENT_ID, new Document("$in", sentEventIds)))
                .unset(OutboxFields.LEASE);
        return mongo.updateFirst(ours, pull, collection).then();
    }

    private Mono<Void> retryLater(String collection, Object documentId) {
        Query ours = new Query(Criteria.where("_id").is(documentId).and(OutboxFields.LEASE + ".owner").is(owner));
        // records of the failed attempt may still reach the broker until its delivery timeout has passed
        Instant retryAt = clock.instant().plus(properties.sendTimeout());
        return mongo.updateFirst(ours, new Update().set(OutboxFields.LEASE + ".until", Date.from(retryAt)), collection)
                .then()
                .onErrorResume(error -> Mono.empty());
    }

    private ProducerRecord<String, byte[]> record(Document event) {
        String payload = event.getString("payload");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.getString("topic"), event.getString("key"),
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.getString(OutboxFields.EVENT_ID));
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, event.getString("type"));
        header(record, CloudEventHeaders.TIME, event.getDate("time").toInstant().toString());
        header(record, CloudEventHeaders.SUBJECT, event.getString("subject"));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(record, CloudEventHeaders.TRACEPARENT, event.getString("traceparent"));
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    public String owner() {
        return owner;
    }
}
