package cn.referral.platform.outbox;

import static cn.referral.platform.testing.KafkaRecords.header;
import static cn.referral.platform.testing.KafkaRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.messaging.support.MessageBuilder;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.Traceparent;
import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.inbox.InboxProperties;
import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.MongoStandIn;
import cn.referral.platform.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The relay against a real Kafka broker (embedded, KRaft) and the Mongo stand-in. */
class OutboxRelayIT {

    private static final String COLLECTION = "referrals";
    private static final String SOURCE = "/referral-service";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** How a service stores an aggregate with its unpublished events. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record ReferralDocument(@Id String id, String state, List<OutboxEvent> outbox) {
    }

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoStandIn standIn;
    private static ReactiveMongoTemplate mongo;
    private static KafkaTemplate<String, byte[]> producer;
    private static final AtomicInteger topics = new AtomicInteger();

    private final MutableClock clock = MutableClock.at("2026-11-24T08:00:00Z");
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<KafkaTemplate<String, byte[]>> extraProducers = new ArrayList<>();
    private String topic;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        standIn = MongoStandIn.start();
        mongo = standIn.template("outbox-it");
        producer = template(kafka.getBrokersAsString(), Map.of());
    }

    @AfterAll
    static void stop() {
        producer.destroy();
        standIn.close();
        kafka.destroy();
    }

    @BeforeEach
    void freshTopicAndCollection() {
        mongo.remove(new Query(), COLLECTION).block(WAIT);
        topic = "referral.events.it" + topics.incrementAndGet();
        kafka.addTopics(topic);
    }

    @AfterEach
    void closeProducers() {
        extraProducers.forEach(KafkaTemplate::destroy);
    }

    @Test
    void publishesEachDocumentsEventsInOrderAsCloudEventsKeyedByTheAggregate() {
        String trace = Traceparent.newRoot().header();
        List<OutboxEvent> first = List.of(event("ref-1", "referral.submitted.v1", trace),
                event("ref-1", "referral.accepted.v1", trace), event("ref-1", "referral.arrived.v1", trace));
        List<OutboxEvent> second = List.of(event("ref-2", "referral.submitted.v1", trace),
                event("ref-2", "referral.rejected.v1", trace));
        save("ref-1", first);
        save("ref-2", second);

        Long published = relay().relayOnce().block(WAIT);

        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(kafka.getBrokersAsString(), topic, 5, WAIT);
        assertThat(published).isEqualTo(5);
        assertThat(ceIdsByKey(records)).containsEntry("ref-1", ids(first)).containsEntry("ref-2", ids(second));
        ConsumerRecord<String, byte[]> accepted = records.stream()
                .filter(r -> first.get(1).eventId().equals(header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertThat(accepted.key()).isEqualTo("ref-1");
        assertThat(value(accepted)).isEqualTo(first.get(1).payload());
        assertThat(header(accepted, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(accepted, CloudEventHeaders.SOURCE)).isEqualTo(SOURCE);
        assertThat(header(accepted, CloudEventHeaders.TYPE)).isEqualTo("referral.accepted.v1");
        assertThat(header(accepted, CloudEventHeaders.SUBJECT)).isEqualTo("ref-1");
        assertThat(Instant.parse(header(accepted, CloudEventHeaders.TIME))).isEqualTo(first.get(1).time());
        assertThat(header(accepted, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(accepted, CloudEventHeaders.TRACEPARENT)).isEqualTo(trace);
        assertThat(outboxOf("ref-1")).isEmpty();
        assertThat(outboxOf("ref-2")).isEmpty();
        assertThat(stored("ref-1")).doesNotContainKey(OutboxFields.LEASE);
        assertThat(meters.counter("outbox.published", "collection", COLLECTION).count()).isEqualTo(5);
    }

    @Test
    void drainingNamedDocumentsPublishesAllTheirEventsAndLeavesTheOthersForThePoll() {
        List<OutboxEvent> first = List.of(event("ref-1", "referral.submitted.v1", null),
                event("ref-1", "referral.accepted.v1", null), event("ref-1", "referral.arrived.v1", null));
        List<OutboxEvent> second = List.of(event("ref-2", "referral.submitted.v1", null));
        save("ref-1", first);
        save("ref-2", second);
        // two events a claim: ref-1 takes two claims, one after the other
        OutboxProperties twoPerClaim = new OutboxProperties(List.of(COLLECTION), POLL, LEASE, null, null,
                Duration.ofSeconds(10), 2, null, null);
        OutboxRelay relay = new OutboxRelay(mongo, producer, twoPerClaim, clock, SOURCE, meters);

        Long published = relay.drainDocuments(COLLECTION, List.of("ref-1", "ref-9")).block(WAIT);

        assertThat(published).isEqualTo(3);
        assertThat(ceIds(KafkaRecords.read(kafka.getBrokersAsString(), topic, 3, WAIT))).isEqualTo(ids(first));
        assertThat(outboxOf("ref-1")).isEmpty();
        assertThat(outboxIds("ref-2")).isEqualTo(ids(second));
        assertThat(relay.relayOnce().block(WAIT)).isEqualTo(1);
        assertThat(outboxOf("ref-2")).isEmpty();
    }

    @Test
    void storesTheEventIdWhereTheRelayReadsIt() {
        OutboxEvent submitted = event("ref-1", "referral.submitted.v1", null);
        save("ref-1", List.of(submitted));

        Document stored = stored("ref-1").getList(OutboxFields.OUTBOX, Document.class).get(0);

        assertThat(stored.getString(OutboxFields.EVENT_ID)).isEqualTo(submitted.eventId());
        assertThat(stored).doesNotContainKey("_id");
    }

    @Test
    void eventsAppendedWhileADocumentIsBeingPublishedStayForTheNextClaim() {
        OutboxEvent submitted = event("ref-1", "referral.submitted.v1", null);
        OutboxEvent accepted = event("ref-1", "referral.accepted.v1", null);
        save("ref-1", List.of(submitted));
        AtomicReference<List<String>> leftAfterFirstPull = new AtomicReference<>();
        OutboxRelay relay = new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters) {
            @Override
            protected Mono<Void> removePublished(String collection, Object documentId, List<String> sentEventIds) {
                if (leftAfterFirstPull.get() != null) {
                    return super.removePublished(collection, documentId, sentEventIds);
                }
                // the desk accepts the referral after the relay claimed the document, before it pulls
                return append("ref-1", accepted)
                        .then(super.removePublished(collection, documentId, sentEventIds))
                        .then(mongo.findById("ref-1", Document.class, COLLECTION))
                        .doOnNext(document -> leftAfterFirstPull.set(eventIds(document)))
                        .then();
            }
        };

        Long published = relay.relayOnce().block(WAIT);

        assertThat(leftAfterFirstPull.get()).containsExactly(accepted.eventId());
        assertThat(published).isEqualTo(2);
        assertThat(ceIds(KafkaRecords.read(kafka.getBrokersAsString(), topic, 2, WAIT)))
                .containsExactly(submitted.eventId(), accepted.eventId());
        assertThat(outboxOf("ref-1")).isEmpty();
        assertThat(stored("ref-1").getString("state")).isEqualTo("ACCEPTED");
    }

    @Test
    void aTombstoneIsPublishedAsANullValueWithItsHeaders() {
        OutboxEvent removed = new OutboxEvent(UUID.randomUUID().toString(), topic, "inst-1", "registry.institution.v1",
                "inst-1", clock.instant(), null, Traceparent.newRoot().header());
        save("inst-1", List.of(removed));

        relay().relayOnce().block(WAIT);

        ConsumerRecord<String, byte[]> record = KafkaRecords.read(kafka.getBrokersAsString(), topic, 1, WAIT).get(0);
        assertThat(record.key()).isEqualTo("inst-1");
        assertThat(record.value()).isNull();
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(removed.eventId());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("registry.institution.v1");
        assertThat(outboxOf("inst-1")).isEmpty();
    }

    @Test
    void twoRelaysDrainingTheSameCollectionPublishEveryEventInOrderPerAggregate() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        IntStream.range(0, 30).forEach(i -> {
            String key = "ref-" + i;
            List<OutboxEvent> events = List.of(event(key, "referral.submitted.v1", null),
                    event(key, "referral.accepted.v1", null), event(key, "referral.completed.v1", null));
            save(key, events);
            expected.put(key, ids(events));
        });
        OutboxRelay one = relay();
        OutboxRelay other = relay();
        assertThat(one.owner()).isNotEqualTo(other.owner());

        List<Long> published = Flux.merge(one.relayOnce().subscribeOn(Schedulers.parallel()),
                        other.relayOnce().subscribeOn(Schedulers.parallel()))
                .collectList().block(WAIT);

        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(kafka.getBrokersAsString(), topic, 90, WAIT);
        assertThat(published.stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(90);
        Map<String, List<String>> firstSeen = new HashMap<>();
        ceIdsByKey(records).forEach((key, ids) -> firstSeen.put(key, List.copyOf(new LinkedHashSet<>(ids))));
        assertThat(firstSeen).isEqualTo(expected);
        assertThat(mongo.count(Query.query(Criteria.where(OutboxFields.OUTBOX + ".0").exists(true)), COLLECTION)
                .block(WAIT)).isZero();
    }

    @Test
    void afterACrashBetweenPublishAndRemovalTheEventsAreSentAgainAndTheInboxAbsorbsTheCopies() {
        List<OutboxEvent> events = List.of(event("ref-1", "referral.submitted.v1", null),
                event("ref-1", "referral.accepted.v1", null));
        save("ref-1", events);
        OutboxRelay crashing = new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters) {
            @Override
            protected Mono<Void> removePublished(String collection, Object documentId, List<String> sentEventIds) {
                return Mono.error(new IllegalStateException("relay died before removing its events"));
            }
        };
        OutboxRelay survivor = relay();

        crashing.relayOnce().block(WAIT);

        assertThat(KafkaRecords.read(kafka.getBrokersAsString(), topic, 2, WAIT)).hasSize(2);
        assertThat(outboxOf("ref-1")).hasSize(2);
        assertThat(survivor.relayOnce().block(WAIT)).as("the lease still holds").isZero();

        clock.advance(LEASE.plusSeconds(1));
        Long resent = survivor.relayOnce().block(WAIT);

        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(kafka.getBrokersAsString(), topic, 4, WAIT);
        assertThat(resent).isEqualTo(2);
        assertThat(ceIds(records)).containsExactly(events.get(0).eventId(), events.get(1).eventId(),
                events.get(0).eventId(), events.get(1).eventId());
        assertThat(outboxOf("ref-1")).isEmpty();

        Inbox inbox = new Inbox(mongo, new InboxProperties("inbox", null, null, null), clock);
        AtomicInteger effects = new AtomicInteger();
        List<Inbox.Outcome> outcomes = records.stream()
                .map(record -> inbox.handleOnce("quota", incoming(record), Mono.fromRunnable(effects::incrementAndGet))
                        .block(WAIT))
                .toList();
        assertThat(outcomes).containsExactly(Inbox.Outcome.PROCESSED, Inbox.Outcome.PROCESSED,
                Inbox.Outcome.DUPLICATE, Inbox.Outcome.DUPLICATE);
        assertThat(effects).hasValue(2);
    }

    @Test
    void aRestartedInstanceTakesOverItsCrashedRunsLeaseAtOnceWhileAnotherInstanceWaitsForIt() {
        List<OutboxEvent> events = List.of(event("ref-1", "referral.submitted.v1", null),
                event("ref-1", "referral.accepted.v1", null));
        save("ref-1", events);
        OutboxRelay dying = new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters, "quota-a") {
            @Override
            protected Mono<Void> removePublished(String collection, Object documentId, List<String> sentEventIds) {
                return Mono.never();
            }
        };
        Disposable run = dying.relayOnce().subscribe();
        assertThat(KafkaRecords.read(kafka.getBrokersAsString(), topic, 2, WAIT)).hasSize(2);
        run.dispose(); // the process is killed between the broker's acknowledgement and the removal: its lease stays

        OutboxRelay otherInstance = new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters, "quota-b");
        assertThat(otherInstance.relayOnce().block(WAIT)).as("another instance may still be running: it waits")
                .isZero();
        OutboxRelay restarted = new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters, "quota-a");
        assertThat(restarted.relayOnce().block(WAIT)).as("the same instance, restarted, before the lease ran out")
                .isEqualTo(2);

        assertThat(ceIds(KafkaRecords.read(kafka.getBrokersAsString(), topic, 4, WAIT))).containsExactly(
                events.get(0).eventId(), events.get(1).eventId(), events.get(0).eventId(), events.get(1).eventId());
        assertThat(outboxOf("ref-1")).isEmpty();
        assertThat(restarted.relayOnce().block(WAIT)).isZero();
    }

    @Test
    void whenTheBrokerIsUnreachableNothingIsRemovedAndTheFailureIsCounted() {
        List<OutboxEvent> events = List.of(event("ref-1", "referral.submitted.v1", null));
        save("ref-1", events);
        KafkaTemplate<String, byte[]> nowhere = template("127.0.0.1:1", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000));
        extraProducers.add(nowhere);
        OutboxRelay relay = new OutboxRelay(mongo, nowhere, OutboxProperties.of(List.of(COLLECTION), POLL, LEASE,
                Duration.ofSeconds(3)), clock, SOURCE, meters);

        Long published = relay.relayOnce().block(WAIT);

        assertThat(published).isZero();
        assertThat(outboxIds("ref-1")).isEqualTo(ids(events));
        assertThat(meters.counter("outbox.failures", "collection", COLLECTION).count()).isEqualTo(1);

        clock.advance(LEASE);
        assertThat(relay().relayOnce().block(WAIT)).as("a relay with a working broker publishes them later")
                .isEqualTo(1);
        assertThat(outboxOf("ref-1")).isEmpty();
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, producer, properties(), clock, SOURCE, meters);
    }

    private static OutboxProperties properties() {
        return OutboxProperties.of(List.of(COLLECTION), POLL, LEASE, Duration.ofSeconds(10));
    }

    private OutboxEvent event(String key, String type, String traceparent) {
        String id = UUID.randomUUID().toString();
        return new OutboxEvent(id, topic, key, type, key, clock.instant(),
                "{\"referralId\":\"" + key + "\",\"eventId\":\"" + id + "\"}",
                traceparent == null ? Traceparent.newRoot().header() : traceparent);
    }

    private void save(String id, List<OutboxEvent> events) {
        mongo.insert(new ReferralDocument(id, "SUBMITTED", events)).block(WAIT);
    }

    /** The way services add events: a {@code $push} in the same update as the state change. */
    private Mono<Void> append(String id, OutboxEvent event) {
        Update update = OutboxUpdates.append(new Update().set("state", "ACCEPTED"), List.of(event));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, ReferralDocument.class).then();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, COLLECTION).block(WAIT);
    }

    private List<Document> outboxOf(String id) {
        return stored(id).getList(OutboxFields.OUTBOX, Document.class, List.of());
    }

    private List<String> outboxIds(String id) {
        return eventIds(stored(id));
    }

    private static List<String> eventIds(Document document) {
        return document.getList(OutboxFields.OUTBOX, Document.class, List.of()).stream()
                .map(e -> e.getString(OutboxFields.EVENT_ID)).toList();
    }

    private static List<String> ids(Collection<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::eventId).toList();
    }

    private static List<String> ceIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.ID)).toList();
    }

    private static Map<String, List<String>> ceIdsByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(header(r, CloudEventHeaders.ID)));
        return byKey;
    }

    /** What a consumer sees: the record's headers as a message. */
    private static IncomingEvent incoming(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
        record.headers().forEach(h -> message.setHeader(h.key(), h.value()));
        return IncomingEvent.from(message.build());
    }

    private static KafkaTemplate<String, byte[]> template(String brokers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        config.putAll(overrides);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
