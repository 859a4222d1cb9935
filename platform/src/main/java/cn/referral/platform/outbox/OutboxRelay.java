package cn.referral.platform.outbox;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import cn.referral.platform.events.CloudEventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents' {@code outbox} arrays, at least once.
 * <p>
 * Each poll claims one document at a time with an atomic {@code findAndModify} that sets a
 * lease, so several replicas never publish the same document at once. The relay sends the
 * document's events in order, waits for the broker's acknowledgements, then pulls exactly the
 * sent events from the array. If it dies between send and pull, the lease runs out and another
 * relay sends them again with the same {@code ce_id}: consumers' inboxes absorb the duplicate.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long NOTHING_CLAIMED = -1;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String source;
    private final String owner;
    private final MeterRegistry meters;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       Clock clock, String source, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.source = source;
        this.meters = meters;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** One pass over every outbox collection; emits how many events were published. */
    public Mono<Long> relayOnce() {
        return Flux.fromIterable(properties.collections())
                .concatMap(this::drain)
                .reduce(0L, Long::sum);
    }

    private Mono<Long> drain(String collection) {
        return Flux.range(0, properties.batchSize())
                .concatMap(i -> claimNext(collection)
                        .flatMap(document -> publish(collection, document))
                        .defaultIfEmpty(NOTHING_CLAIMED), 1)
                .takeWhile(published -> published != NOTHING_CLAIMED)
                .reduce(0L, Long::sum);
    }

    private Mono<Document> claimNext(String collection) {
        Instant now = clock.instant();
        Query unclaimedWithEvents = new Query(new Criteria().andOperator(
                Criteria.where(OutboxFields.OUTBOX + ".0").exists(true),
                new Criteria().orOperator(
                        Criteria.where(OutboxFields.LEASE).exists(false),
                        Criteria.where(OutboxFields.LEASE + ".until").lt(Date.from(now)))));
        Update lease = new Update().set(OutboxFields.LEASE,
                new Document("owner", owner).append("until", Date.from(now.plus(properties.lease()))));
        return mongo.findAndModify(unclaimedWithEvents, lease, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
    }

    private Mono<Long> publish(String collection, Document document) {
        List<Document> events = document.getList(OutboxFields.OUTBOX, Document.class);
        return Flux.fromIterable(events)
                .concatMap(event -> send(event).thenReturn(event.getString(OutboxFields.EVENT_ID)), 1)
                .collectList()
                .flatMap(sent -> removePublished(collection, document.get("_id"), sent)
                        .doOnSuccess(done -> meters.counter("outbox.published", "collection", collection)
                                .increment(sent.size()))
                        .thenReturn((long) sent.size()))
                .onErrorResume(error -> {
                    log.warn("Publishing the outbox of {} {} failed, retrying later: {}", collection,
                            document.get("_id"), error.toString());
                    meters.counter("outbox.failures", "collection", collection).increment();
                    return retryLater(collection, document.get("_id")).thenReturn(0L);
                });
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
        Instant retryAt = clock.instant().plus(properties.pollInterval().multipliedBy(25));
        return mongo.updateFirst(ours, new Update().set(OutboxFields.LEASE + ".until", Date.from(retryAt)), collection)
                .then()
                .onErrorResume(error -> Mono.empty());
    }

    private Mono<Void> send(Document event) {
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
        // KafkaTemplate.send may block for metadata: keep it off the event loop.
        return Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.sendTimeout())
                .then();
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
