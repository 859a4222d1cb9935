package cn.referral.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.referral.devstack.testing.ComposeKafkaBroker;
import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.Traceparent;
import cn.referral.platform.testapp.ItemLedger;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.MongoStandInInitializer;
import cn.referral.platform.testing.TestKeys;
import cn.referral.platform.testing.TestTokens;
import cn.referral.platform.testing.TestTokensInitializer;

/**
 * A service built on the platform, with nothing but the settings compose gives it ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}), against a broker configured as
 * {@code deploy/compose/kafka/broker.sh} configures kafka-1..3 (SASL/SCRAM-SHA-512, StandardAuthorizer, nothing
 * allowed without an ACL), with exactly the kinds of ACL {@code deploy/compose/kafka/acls.txt} gives a service:
 * Write/Describe/DescribeConfigs on the topic it produces and on its dead-letter topic, Read/Describe on the topic
 * it consumes, Read/Describe on its group. It starts (the binder provisions its bindings and dead-letter topic
 * with Describe only, as the topics exist), its outbox relay publishes through Spring Kafka, its consumer reads
 * in its group, a poison event reaches the dead-letter topic, and an outbox event for a topic it may not write
 * (billing.decisions.v1) is refused by the broker and stays in the outbox.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.cloud.stream.kafka.binder.min-partition-count=1",
                // one partition per topic: one consumer per binding (more would sit idle and only add rebalances)
                "spring.cloud.stream.default.consumer.concurrency=1",
                "spring.cloud.stream.kafka.binder.auto-add-partitions=false",
                "spring.cloud.stream.default.consumer.back-off-initial-interval=100",
                "spring.cloud.stream.default.consumer.back-off-max-interval=200",
                "platform.outbox.poll-interval=100ms",
                "platform.outbox.collections=" + ScramAclServiceIT.COLLECTION,
                "logging.structured.format.console=",
                "platform.patient-data.data-key=" + TestKeys.DATA_KEY,
                "platform.patient-data.pseudonym-key=" + TestKeys.PSEUDONYM_KEY,
                "platform.security.issuer=" + TestTokens.ISSUER,
                "platform.security.audience=" + TestTokens.AUDIENCE,
                "KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM=SCRAM-SHA-512",
        })
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES)
@ContextConfiguration(initializers = {MongoStandInInitializer.class, TestTokensInitializer.class})
@DirtiesContext
class ScramAclServiceIT {

    static final String COLLECTION = "items_outbox";
    private static final String APP = PlatformTestApplication.NAME;
    private static final String TOPIC = PlatformTestApplication.ITEMS_TOPIC;
    private static final String DLQ = DeadLetterTopics.of(TOPIC, APP);
    private static final String DECISIONS = "billing.decisions.v1";
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String APP_PASSWORD = "app-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(40);

    private static ComposeKafkaBroker broker;

    @Autowired
    private ItemLedger ledger;
    @Autowired
    private ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        start();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrap);
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrap);
        registry.add("KAFKA_SASL_JAAS_CONFIG", () -> ComposeKafkaBroker.jaas(APP, APP_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Test
    void itsOutboxPublishesAndItsConsumerReadsInItsOwnGroup() {
        String itemId = "item-" + UUID.randomUUID();
        saveWithOutbox(itemId, TOPIC, snapshotJson(itemId, 1));

        await().atMost(WAIT).until(() -> ledger.appliedFor(itemId).size() == 1);
        await().atMost(WAIT).until(() -> outboxOf(itemId).isEmpty());
    }

    @Test
    void aPoisonEventReachesItsDeadLetterTopic() {
        String ceId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.adminConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(ItemSnapshotEvents.itemSnapshot(TOPIC, "item-poison", ceId, null,
                    "{\"itemId\":\"item-poison\",\"version\":\"seven\"}")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(WAIT).until(() -> readAll(DLQ).stream().anyMatch(r -> ceId.equals(header(r, CloudEventHeaders.ID))));
    }

    @Test
    void anEventForATopicItMayNotWriteIsRefusedAndStaysInTheOutbox() {
        String itemId = "decision-" + UUID.randomUUID();
        saveWithOutbox(itemId, DECISIONS, "{\"forged\":true}");

        // the relay tries (the poll runs every 100 ms) and the broker refuses: nothing arrives, the event stays
        await().pollDelay(Duration.ofSeconds(5)).atMost(WAIT).until(() -> outboxOf(itemId).size() == 1);
        assertThat(readAll(DECISIONS)).noneMatch(r -> itemId.equals(r.key()));
    }

    // ---- the broker, as broker.sh configures it, and the service's ACLs -------------------------------------

    private static synchronized void start() throws Exception {
        if (broker != null) {
            return;
        }
        broker = ComposeKafkaBroker.configure("scram-acl-it", ADMIN_PASSWORD).start();
        try (Admin admin = Admin.create(broker.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic(DLQ, 1, (short) 1),
                    new NewTopic(DECISIONS, 1, (short) 1))).all().get();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(APP,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), APP_PASSWORD))).all().get();
            List<AclBinding> acls = new ArrayList<>();
            allow(acls, ResourceType.TOPIC, TOPIC, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS,
                    AclOperation.READ);
            allow(acls, ResourceType.TOPIC, DLQ, AclOperation.WRITE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
            allow(acls, ResourceType.GROUP, APP, AclOperation.READ, AclOperation.DESCRIBE);
            admin.createAcls(acls).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeAcls(
                    org.apache.kafka.common.acl.AclBindingFilter.ANY).values().get().size() == acls.size());
        }
    }

    private static void allow(List<AclBinding> acls, ResourceType type, String name, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + APP, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = broker.adminConfig();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
        }
        return records;
    }

    private void saveWithOutbox(String id, String topic, String payload) {
        Document event = new Document("eventId", UUID.randomUUID().toString()).append("topic", topic).append("key", id)
                .append("type", PlatformTestApplication.ITEM_SNAPSHOT).append("subject", id)
                .append("time", java.util.Date.from(Instant.now())).append("payload", payload)
                .append("traceparent", Traceparent.newRoot().header());
        mongo.insert(new Document("_id", id).append("outbox", List.of(event)), COLLECTION).block(WAIT);
    }

    @SuppressWarnings("unchecked")
    private List<Object> outboxOf(String id) {
        Document stored = mongo.findById(id, Document.class, COLLECTION).block(WAIT);
        return stored == null ? List.of() : (List<Object>) stored.get("outbox", List.class);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String snapshotJson(String itemId, int version) {
        return "{\"itemId\":\"" + itemId + "\",\"name\":\"Item " + itemId + "\",\"version\":" + version + "}";
    }
}
