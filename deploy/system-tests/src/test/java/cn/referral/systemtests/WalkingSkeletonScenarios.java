package cn.referral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestKeys;
import cn.referral.platform.testing.TestTokens;
import cn.referral.systemtests.support.Infrastructure;
import cn.referral.systemtests.support.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton: an institution registered in registry-service crosses Kafka (outbox →
 * compacted topic → inbox) into referral-service's local view. Both services run as real
 * processes from their jars; subclasses choose the infrastructure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WalkingSkeletonScenarios {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final String ADMIN = TestTokens.token(Role.REGISTRY_ADMIN, "registry-office");

    private Infrastructure infrastructure;
    private ServiceProcess registry;
    private ServiceProcess referral;

    protected abstract Infrastructure startInfrastructure();

    @BeforeAll
    void startSystem() {
        infrastructure = startInfrastructure();
        registry = ServiceProcess.start("registry-service", environment());
        referral = ServiceProcess.start("referral-service", environment());
        registry.awaitReady(Duration.ofSeconds(120));
        referral.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    void stopSystem() {
        for (AutoCloseable part : new AutoCloseable[] {referral, registry, infrastructure}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e);
            }
        }
    }

    @Test
    void anInstitutionRegisteredInTheRegistryReachesTheReferralServiceOverKafka() {
        HttpResponse<String> created = post(registry.uri("/institutions"), communityCentre("南汇街道社区卫生服务中心"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode institution = JSON.readTree(created.body());
        String id = institution.get("id").asString();
        assertThat(created.headers().firstValue("Location")).contains("/institutions/" + id);

        HttpResponse<String> stored = get(registry.uri("/institutions/" + id));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stored.body()).get("name").asString()).isEqualTo("南汇街道社区卫生服务中心");

        JsonNode view = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(referral.uri("/institutions-view/" + id)), response -> response.statusCode() == 200)
                .body().transform(JSON::readTree);
        assertThat(view.get("name").asString()).isEqualTo("南汇街道社区卫生服务中心");
        assertThat(view.get("level").asString()).isEqualTo("PRIMARY");
        assertThat(view.get("regionCode").asString()).isEqualTo("330302");
        assertThat(view.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theSnapshotIsACloudEventKeyedByInstitutionOnACompactedTopic() throws Exception {
        HttpResponse<String> created = post(registry.uri("/institutions"), communityCentre("五马街道社区卫生服务中心"));
        String id = JSON.readTree(created.body()).get("id").asString();

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(15))
                .until(() -> readTopic("registry.institutions.v1").stream()
                        .filter(r -> id.equals(r.key())).findFirst().orElse(null), r -> r != null);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("registry.institution.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/registry-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(header(record, "traceparent")).contains(created.headers().firstValue("X-Correlation-Id").orElseThrow());
        JsonNode payload = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(payload.get("institutionId").asString()).isEqualTo(id);
        assertThat(payload.get("organisationCode").asString()).isNotBlank();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "registry.institutions.v1");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        HttpResponse<String> response = post(registry.uri("/institutions"), """
                {"name":"某卫生院","organisationCode":"%s","level":"PRIMARY",
                 "kind":"TOWNSHIP_HEALTH_CENTRE","regionCode":"3505"}""".formatted(nextOrganisationCode()));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("regionCode");

        HttpResponse<String> unknownField = post(registry.uri("/institutions"), """
                {"name":"某卫生院","organisationCode":"%s","level":"PRIMARY","version":7,
                 "kind":"TOWNSHIP_HEALTH_CENTRE","regionCode":"350583"}""".formatted(nextOrganisationCode()));
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownField.body()).get("errors").get(0).get("field").asString()).isEqualTo("version");

        HttpResponse<String> missing = get(registry.uri("/institutions/no-such-institution"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noTokenNoAccessButHealthIsOpen() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(registry.uri("/institutions/any")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(send(HttpRequest.newBuilder(referral.managementUri("/actuator/health/readiness")).GET().build()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSecondRegistrationOfTheSameOrganisationCodeIsAConflictAndPublishesNothing() {
        String body = communityCentre("双屿街道社区卫生服务中心");
        assertThat(post(registry.uri("/institutions"), body).statusCode()).isEqualTo(201);
        HttpResponse<String> again = post(registry.uri("/institutions"), body);
        assertThat(again.statusCode()).isEqualTo(409);
        String code = JSON.readTree(body).get("organisationCode").asString();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> readTopic(
                "registry.institutions.v1").stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(code)).count() == 1);
    }

    private Map<String, String> environment() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "MONGODB_URI", infrastructure.mongoUri(),
                "KAFKA_PARTITIONS", "3",
                "JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation(),
                "JWT_ISSUER", TestTokens.ISSUER,
                "PATIENT_DATA_KEY", TestKeys.DATA_KEY,
                "PATIENT_PSEUDONYM_KEY", TestKeys.PSEUDONYM_KEY);
    }

    private List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int emptyPolls = 0; emptyPolls < 3; ) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
                emptyPolls = batch.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : emptyPolls;
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String communityCentre(String name) {
        return """
                {"name":"%s","organisationCode":"%s","level":"PRIMARY","kind":"COMMUNITY_HEALTH_CENTRE",
                 "regionCode":"330302","departments":["全科","中医科"],"gridArea":"鹿城区片区1"}"""
                .formatted(name, nextOrganisationCode());
    }

    /** A well-formed, unique 18-character unified social credit code for each test institution. */
    private static String nextOrganisationCode() {
        return "12330302%09dX".formatted(CODES.incrementAndGet() + (System.nanoTime() % 1000) * 100000);
    }

    private static HttpResponse<String> post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ADMIN).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
