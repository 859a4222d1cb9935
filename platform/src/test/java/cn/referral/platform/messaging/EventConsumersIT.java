package cn.referral.platform.messaging;

import static cn.referral.platform.testing.KafkaRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.Traceparent;
import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.inbox.InboxProperties;
import cn.referral.platform.testapp.ItemLedger;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.ServiceIntegrationTest;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A consumer built with {@link EventConsumers}, bound by Spring Cloud Stream to a real (embedded)
 * broker that, like a production cluster, does not create topics on first use.
 */
@ServiceIntegrationTest(classes = PlatformTestApplication.class)
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES, properties = {
        // a consumer that died mid-effect holds its event this long; short, so the test sees the takeover
        "platform.inbox.processing-lease=" + EventConsumersIT.LEASE_SECONDS + "s",
        "platform.messaging.handler-timeout=2s",
})
class EventConsumersIT {

    static final int LEASE_SECONDS = 3;

    private static final String TOPIC = PlatformTestApplication.ITEMS_TOPIC;
    private static final String DLQ = DeadLetterTopics.of(TOPIC, PlatformTestApplication.NAME);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private EmbeddedKafkaBroker kafka;
    @Autowired
    private ItemLedger ledger;
    @Autowired
    private Inbox inbox;
    @Autowired
    private InboxProperties inboxProperties;
    @Autowired
    private ReactiveMongoTemplate mongo;


    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        Map<String, Object> config = new HashMap<>(KafkaTestUtils.producerProps(kafka));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(config);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aKnownEventIsAppliedOnceEvenWhenTheSameRecordArrivesTwice() {
        Traceparent trace = Traceparent.newRoot();
        ProducerRecord<String, byte[]> snapshot = event("item-dup", UUID.randomUUID().toString(), trace,
                snapshotJson("item-dup", 3));

        send(snapshot);
        send(snapshot);
        sendMarkerAndWaitUntilApplied();

        assertThat(ledger.attempts("item-dup")).isEqualTo(2);
        assertThat(ledger.appliedFor("item-dup")).singleElement().satisfies(applied -> {
            assertThat(applied.item().name()).isEqualTo("Item item-dup");
            assertThat(applied.item().version()).isEqualTo(3);
            assertThat(applied.traceId()).as("the handler runs in the producer's trace").isEqualTo(trace.traceId());
        });
    }

    @Test
    void fieldsTheConsumerDoesNotKnowAreIgnored() {
        send(event("item-extra", UUID.randomUUID().toString(), null,
                "{\"itemId\":\"item-extra\",\"name\":\"Extra\",\"version\":1,\"addedInV1_1\":{\"x\":1}}"));

        await().atMost(WAIT).until(() -> ledger.appliedFor("item-extra").size() == 1);
        assertThat(ledger.attempts("item-extra")).isEqualTo(1);
    }

    @Test
    void anUnknownEventTypeIsSkippedWithoutRetryOrDeadLetter() {
        ProducerRecord<String, byte[]> archived = event("item-unknown", UUID.randomUUID().toString(), null,
                snapshotJson("item-unknown", 1));
        archived.headers().remove(CloudEventHeaders.TYPE);
        archived.headers().add(CloudEventHeaders.TYPE, ItemSnapshotEvents.bytes("testapp.item-archived.v1"));

        send(archived);
        sendMarkerAndWaitUntilApplied();

        assertThat(ledger.attempts("item-unknown")).isEqualTo(1);
        assertThat(ledger.appliedFor("item-unknown")).isEmpty();
    }

    @Test
    void aPoisonPayloadIsTriedThreeTimesThenDeadLetteredAndThePartitionKeepsFlowing() {
        String ceId = UUID.randomUUID().toString();
        String poison = "{\"itemId\":\"item-poison\",\"name\":\"Poison\",\"version\":\"seven\"}";

        send(event("item-poison", ceId, null, poison));
        send(event("item-after-poison", UUID.randomUUID().toString(), null, snapshotJson("item-after-poison", 1)));

        await().atMost(WAIT).until(() -> ledger.appliedFor("item-after-poison").size() == 1);
        assertThat(ledger.attempts("item-poison")).isEqualTo(3);
        assertThat(ledger.appliedFor("item-poison")).isEmpty();
        ConsumerRecord<String, byte[]> dead = deadLetter("item-poison");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(header(dead, CloudEventHeaders.ID)).isEqualTo(ceId);
        assertThat(header(dead, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(header(dead, "x-exception-message")).contains(ceId).contains("not a readable ItemSnapshotV1");
    }

    @Test
    void anEventWhoseConsumerDiedMidEffectIsRetriedAfterTheLeaseAndTakesEffectOnceWithoutDeadLetter() {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = event("item-orphan", ceId, null, snapshotJson("item-orphan", 1));
        // a consumer claimed the event and died before its effect finished and before it marked it done
        Disposable died = inbox.handleOnce("item-view", incoming(record), Mono.never()).subscribe();
        try {
            send(record);

            await().atMost(WAIT).until(() -> ledger.appliedFor("item-orphan").size() == 1);
            assertThat(ledger.attempts("item-orphan")).as("retried past the binding's 3 attempts while the lease held")
                    .isGreaterThan(3);
            sendMarkerAndWaitUntilApplied();
            assertThat(ledger.appliedFor("item-orphan")).hasSize(1);
            assertThat(deadLetters("item-orphan")).isEmpty();
        } finally {
            died.dispose();
        }
    }

    @Test
    void aClaimMadeBeforeThisInstanceWasGivenThePartitionIsTakenOverWithoutWaitingForItsLease() {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = event("item-handed-over", ceId, null,
                snapshotJson("item-handed-over", 1));
        // another replica claimed the event and died; the group gave its partition to this instance at startup
        mongo.insert(new Document("_id", "item-view:" + ceId).append("consumer", "item-view").append("eventId", ceId)
                .append("status", "PROCESSING").append("claim", "the dead replica's").append("owner", "item-host-9999")
                .append("incarnation", "gone").append("claimedAt", Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .append("leaseUntil", Date.from(Instant.now().plus(Duration.ofHours(1)))), inboxProperties.collection())
                .block(WAIT);
        send(record);

        await().atMost(WAIT).until(() -> ledger.appliedFor("item-handed-over").size() == 1);
        assertThat(ledger.attempts("item-handed-over")).as("taken over at the first delivery, an hour before the lease")
                .isEqualTo(1);
    }

    @Test
    void aFailureThatPassesByItselfIsRetriedUntilItSucceedsNotDeadLettered() {
        String itemId = "item-flaky";
        send(event(itemId, UUID.randomUUID().toString(), null,
                "{\"itemId\":\"" + itemId + "\",\"name\":\"" + ItemLedger.FLAKY + "5\",\"version\":1}"));

        await().atMost(WAIT).until(() -> ledger.appliedFor(itemId).size() == 1);
        assertThat(ledger.attempts(itemId)).as("five failed deliveries and the one that worked").isEqualTo(6);
        assertThat(deadLetters(itemId)).isEmpty();
    }

    @Test
    void aRecordWithoutCeIdIsDeadLetteredAfterItsAttempts() {
        ProducerRecord<String, byte[]> anonymous = event("item-no-id", "unused", null, snapshotJson("item-no-id", 1));
        anonymous.headers().remove(CloudEventHeaders.ID);

        send(anonymous);
        sendMarkerAndWaitUntilApplied();

        assertThat(ledger.attempts("item-no-id")).isEqualTo(3);
        assertThat(ledger.appliedFor("item-no-id")).isEmpty();
        assertThat(header(deadLetter("item-no-id"), "x-exception-message")).contains("missing header ce_id");
    }

    @Test
    void aTombstoneRunsTheTombstoneHandler() {
        send(event("item-gone", UUID.randomUUID().toString(), null, null));

        await().atMost(WAIT).until(() -> ledger.removed().contains("item-gone"));
        assertThat(ledger.attempts("item-gone")).isEqualTo(1);
    }

    @Test
    void theDeadLetterTopicIsCreatedWithTheBindingNotOnFirstFailure() throws Exception {
        Set<String> topics;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString()))) {
            topics = admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(topics).contains(TOPIC, DLQ);
        assertThat(topics).as("no stray binder-default dead-letter topic").noneMatch(t -> t.startsWith("error."));
    }

    /** What reached the dead-letter topic for {@code key} so far (checked after later records were handled). */
    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return KafkaRecords.read(kafka.getBrokersAsString(), DLQ, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                .filter(record -> key.equals(record.key())).toList();
    }

    private static IncomingEvent incoming(ProducerRecord<String, byte[]> record) {
        return new IncomingEvent(sentHeader(record, CloudEventHeaders.ID), sentHeader(record, CloudEventHeaders.TYPE),
                sentHeader(record, CloudEventHeaders.SOURCE), record.key(), Instant.now(), record.key(),
                Traceparent.parse(sentHeader(record, CloudEventHeaders.TRACEPARENT)).orElseThrow(), record.value());
    }

    private static String sentHeader(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        return await().atMost(WAIT).until(() -> KafkaRecords.read(kafka.getBrokersAsString(), DLQ,
                                Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                        .filter(record -> key.equals(record.key())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    /** Records of one partition are handled in order: once a later one is applied, the earlier ones are done. */
    private void sendMarkerAndWaitUntilApplied() {
        String marker = "marker-" + UUID.randomUUID();
        send(event(marker, UUID.randomUUID().toString(), null, snapshotJson(marker, 1)));
        await().atMost(WAIT).until(() -> ledger.appliedFor(marker).size() == 1);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<String, byte[]> event(String key, String ceId, Traceparent trace, String json) {
        return ItemSnapshotEvents.itemSnapshot(TOPIC, key, ceId, trace, json);
    }

    private static String snapshotJson(String itemId, int version) {
        return "{\"itemId\":\"" + itemId + "\",\"name\":\"Item " + itemId + "\",\"version\":" + version + "}";
    }
}
