package cn.referral.devstack;

import static cn.referral.devstack.testing.ComposeKafkaBroker.COMPOSE_KAFKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import cn.referral.devstack.testing.ComposeKafkaBroker;

/**
 * The compose Kafka security, on a real broker: a KRaft node started from the server.properties that
 * {@code deploy/compose/kafka/broker.sh --print-config} writes for kafka-1..3 (SASL/SCRAM-SHA-512 on every
 * listener, PLAIN on the controller listener, the StandardAuthorizer, {@code super.users=User:admin},
 * {@code allow.everyone.if.no.acl.found=false}; only addresses, ports and replication changed for one node),
 * formatted with the admin's SCRAM credential as broker.sh does. Then, as admin, what kafka-init does from
 * {@code deploy/compose/kafka/topics.txt} and {@code acls.txt}: the topics, a SCRAM credential per principal and
 * its ACLs (here through the Admin API; kafka-init runs kafka-configs/kafka-acls over the same table). The
 * tests then act as the services' principals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaAclTableIT {

    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String DECISIONS = "billing.decisions.v1";

    /** One line of acls.txt: principal, resource type, literal resource name, operations. */
    record Acl(String principal, ResourceType type, String name, List<AclOperation> operations) {
    }

    private ComposeKafkaBroker broker;
    private List<Acl> table;
    private final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    void startBrokerAndApplyTheTable() throws Exception {
        broker = ComposeKafkaBroker.configure("kafka-acl-it", ADMIN_PASSWORD);
        Properties properties = broker.properties();
        assertThat(properties.getProperty("authorizer.class.name"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(properties.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(properties.getProperty("super.users")).isEqualTo("User:admin");
        broker.start();

        table = readTable(COMPOSE_KAFKA.resolve("acls.txt"));
        try (Admin admin = Admin.create(broker.adminConfig())) {
            List<NewTopic> topics = new ArrayList<>();
            for (String line : Files.readAllLines(COMPOSE_KAFKA.resolve("topics.txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    topics.add(new NewTopic(line.trim().split("\\s+")[0], 1, (short) 1));
                }
            }
            admin.createTopics(topics).all().get();
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            for (String principal : principals()) {
                passwords.put(principal, "pw-" + UUID.randomUUID());
                credentials.add(new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), passwords.get(principal)));
            }
            admin.alterUserScramCredentials(credentials).all().get();
            List<AclBinding> bindings = new ArrayList<>();
            for (Acl acl : table) {
                for (AclOperation operation : acl.operations()) {
                    bindings.add(new AclBinding(new ResourcePattern(acl.type(), acl.name(), PatternType.LITERAL),
                            new AccessControlEntry("User:" + acl.principal(), "*", operation, AclPermissionType.ALLOW)));
                }
            }
            admin.createAcls(bindings).all().get();
            until(Duration.ofSeconds(30),
                    () -> admin.describeAcls(AclBindingFilter.ANY).values().get().size() == bindings.size());
        }
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theTableNamesEveryServiceButNotTheGateway() {
        assertThat(principals()).contains("registry-service", "referral-service", "quota-service", "billing-service")
                .doesNotContain("gateway", "console");
        assertThat(table).filteredOn(acl -> acl.name().equals(DECISIONS)
                        && acl.operations().contains(AclOperation.WRITE))
                .extracting(Acl::principal).containsExactly("billing-service");
    }

    @Test
    void billingServiceMayWriteTheDecisions() throws Exception {
        try (KafkaProducer<String, String> producer = producer("billing-service")) {
            assertThat(producer.send(new ProducerRecord<>(DECISIONS, "r-1", "{}")).get(20, TimeUnit.SECONDS).topic())
                    .isEqualTo(DECISIONS);
        }
    }

    @Test
    void quotaServiceIsRefusedOnTheDecisions() {
        try (KafkaProducer<String, String> producer = producer("quota-service")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECISIONS, "r-1", "{}")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    /**
     * A principal that may write some topic is refused on the topic (TopicAuthorizationException); one that may
     * write none (kafka-exporter) already when its idempotent producer asks for an id (ClusterAuthorizationException,
     * then send throws at once or its future fails, whichever comes first).
     */
    @Test
    void everyOtherPrincipalIsRefusedOnTheDecisions() {
        for (String principal : principals()) {
            if (principal.equals("billing-service")) {
                continue;
            }
            try (KafkaProducer<String, String> producer = producer(principal)) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECISIONS, "r-1", "{}")).get(20, TimeUnit.SECONDS))
                        .as("%s writing %s", principal, DECISIONS).hasCauseInstanceOf(AuthorizationException.class);
            }
        }
    }

    @Test
    void everyPrincipalMayWriteExactlyWhatTheTableSays() throws Exception {
        Set<String> topics = new LinkedHashSet<>();
        table.stream().filter(acl -> acl.type() == ResourceType.TOPIC && !acl.name().equals("*"))
                .forEach(acl -> topics.add(acl.name()));
        for (String principal : principals()) {
            try (KafkaProducer<String, String> producer = producer(principal)) {
                for (String topic : topics) {
                    boolean allowed = table.stream().anyMatch(acl -> acl.principal().equals(principal)
                            && acl.type() == ResourceType.TOPIC && acl.name().equals(topic)
                            && acl.operations().contains(AclOperation.WRITE));
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, "k", "{}");
                    if (allowed) {
                        assertThat(producer.send(record).get(20, TimeUnit.SECONDS).topic())
                                .as("%s writing %s", principal, topic).isEqualTo(topic);
                    } else {
                        // refused when the record is sent, or (a principal that may write nothing) already when
                        // the producer asks for its id, after which send itself throws
                        assertThatThrownBy(() -> producer.send(record).get(20, TimeUnit.SECONDS))
                                .as("%s writing %s", principal, topic).hasCauseInstanceOf(AuthorizationException.class);
                    }
                }
            }
        }
    }

    @Test
    void referralServiceReadsTheQuotaEventsInItsOwnGroup() throws Exception {
        String key = "referral-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer("quota-service")) {
            producer.send(new ProducerRecord<>("quota.events.v1", key, "{\"type\":\"held\"}")).get(20, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = consumer("referral-service", "referral-service")) {
            consumer.subscribe(List.of("quota.events.v1"));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!keys.contains(key) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
            assertThat(keys).contains(key);
            consumer.commitSync();
        }
    }

    @Test
    void referralServiceMayNotReadATopicItDoesNotConsume() {
        try (KafkaConsumer<String, String> consumer = consumer("referral-service", "referral-service")) {
            consumer.subscribe(List.of(DECISIONS));
            assertThatThrownBy(() -> pollFor(consumer, Duration.ofSeconds(20)))
                    .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining(DECISIONS);
        }
    }

    @Test
    void aServiceMayNotUseAnotherServicesGroup() {
        try (KafkaConsumer<String, String> consumer = consumer("referral-service", "quota-service")) {
            consumer.subscribe(List.of("quota.events.v1"));
            assertThatThrownBy(() -> pollFor(consumer, Duration.ofSeconds(20)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordOrAPrincipalOutsideTheTableIsNotLetIn() {
        for (var credentials : List.of(Map.entry("billing-service", "not-the-password"), Map.entry("gateway", "anything"))) {
            try (KafkaProducer<String, String> producer = producer(credentials.getKey(), credentials.getValue())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DECISIONS, "r-1", "{}")).get(20, TimeUnit.SECONDS))
                        .as(credentials.getKey()).hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
    }

    // ---- the table, the broker, the clients ------------------------------------------------------------

    static List<Acl> readTable(Path file) throws IOException {
        List<Acl> acls = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] field = trimmed.split("\\s+");
            assertThat(field).as("acls.txt: %s", line).hasSize(4);
            List<AclOperation> operations = new ArrayList<>();
            for (String operation : field[3].split(",")) {
                operations.add(AclOperation.fromString(operation.replaceAll("(?<=[a-z])(?=[A-Z])", "_")));
            }
            assertThat(operations).as("acls.txt: %s", line).doesNotContain(AclOperation.UNKNOWN);
            acls.add(new Acl(field[0], ResourceType.fromString(field[1]), field[2], operations));
        }
        return acls;
    }

    private Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        table.forEach(acl -> principals.add(acl.principal()));
        return principals;
    }

    private KafkaProducer<String, String> producer(String principal) {
        return producer(principal, passwords.get(principal));
    }

    private KafkaProducer<String, String> producer(String principal, String password) {
        Map<String, Object> config = broker.clientConfig(principal, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = broker.clientConfig(principal, passwords.get(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void until(Duration timeout, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not within " + timeout, last);
    }

    private static void pollFor(KafkaConsumer<String, String> consumer, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500));
        }
    }
}
