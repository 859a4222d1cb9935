package cn.referral.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real stack twice on one data dir: what was written in the first run is read back in the second. */
class DevStackIT {

    private static final String TOPIC = "devstack-it";
    private static final String KEY = "institution-42";
    private static final String VALUE = "{\"name\":\"温州市鹿城区南汇街道社区卫生服务中心\"}";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void dataSurvivesARestart() throws Exception {
        int kafkaPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        int mongoPort = Ports.freePort();
        String firstGroup = "it-first-" + UUID.randomUUID();
        String clusterId;
        RecordMetadata written;

        try (DevStack stack = DevStack.start(dataDir, kafkaPort, controllerPort, mongoPort)) {
            assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
            assertThat(stack.mongoUri()).isEqualTo("mongodb://127.0.0.1:" + mongoPort);
            assertThat(dataDir.resolve("kafka/data/meta.properties")).isRegularFile();
            assertThat(dataDir.resolve("mongo/stand-in.mv")).isRegularFile();

            clusterId = clusterId(stack);
            written = produce(stack);
            assertThat(written.topic()).isEqualTo(TOPIC);
            assertThat(written.offset()).isZero();

            List<ConsumerRecord<String, String>> consumed = consumeFromBeginning(stack, firstGroup, 1);
            assertThat(consumed).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo(KEY);
                assertThat(r.value()).isEqualTo(VALUE);
                assertThat(r.partition()).isEqualTo(written.partition());
            });

            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                MongoCollection<Document> institutions = client.getDatabase("devstack_it").getCollection("institutions");
                institutions.insertOne(new Document("_id", "inst-1").append("name", "南汇街道社区卫生服务中心")
                        .append("regionCode", "330302"));
                Document found = institutions.find(Filters.eq("_id", "inst-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("regionCode")).isEqualTo("330302");
            }

            // A second stack on the same ports is refused with a clear message, before it touches anything.
            assertThatThrownBy(() -> DevStack.start(Files.createTempDirectory(dataDir, "other"), kafkaPort,
                    controllerPort, mongoPort))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("127.0.0.1:" + kafkaPort)
                    .hasMessageContaining("already in use");
        }

        // Stopped: the ports are free again.
        assertThat(Ports.isFree(kafkaPort)).isTrue();
        assertThat(Ports.isFree(mongoPort)).isTrue();

        try (DevStack stack = DevStack.start(dataDir, kafkaPort, controllerPort, mongoPort)) {
            assertThat(clusterId(stack)).as("same cluster: storage not formatted again").isEqualTo(clusterId);

            List<ConsumerRecord<String, String>> consumed =
                    consumeFromBeginning(stack, "it-second-" + UUID.randomUUID(), 1);
            assertThat(consumed).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo(KEY);
                assertThat(r.value()).isEqualTo(VALUE);
                assertThat(r.partition()).isEqualTo(written.partition());
                assertThat(r.offset()).isEqualTo(written.offset());
            });

            try (Admin admin = admin(stack)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(firstGroup)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                assertThat(committed).as("the first run's committed offset survived")
                        .containsKey(new TopicPartition(TOPIC, written.partition()));
                assertThat(committed.get(new TopicPartition(TOPIC, written.partition())).offset()).isEqualTo(1L);
            }

            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                Document found = client.getDatabase("devstack_it").getCollection("institutions")
                        .find(Filters.eq("_id", "inst-1")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("name")).isEqualTo("南汇街道社区卫生服务中心");
                assertThat(found.getString("regionCode")).isEqualTo("330302");
            }
        }
    }

    private static String clusterId(DevStack stack) throws Exception {
        try (Admin admin = admin(stack)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(DevStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static RecordMetadata produce(DevStack stack) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            // The topic does not exist yet: auto topic creation makes it on the first send.
            return producer.send(new ProducerRecord<>(TOPIC, KEY, VALUE)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeFromBeginning(DevStack stack, String group,
                                                                             int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // Nothing more arrives: exactly what was written.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            consumer.commitSync(Duration.ofSeconds(10));
        }
        return records;
    }
}
