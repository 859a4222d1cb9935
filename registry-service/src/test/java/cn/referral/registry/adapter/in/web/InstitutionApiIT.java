package cn.referral.registry.adapter.in.web;

import static cn.referral.platform.testing.Problems.expectNotFound;
import static cn.referral.registry.RegistryClient.aCommunityCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.registry.RegistryClient;
import cn.referral.registry.RegistryItSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Institutions through the real API, and what other services see of them on the compacted topic. */
@ServiceIntegrationTest
class InstitutionApiIT extends RegistryItSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "registry.institutions.v1";


    @Test
    void anAdministratorRegistersAnInstitutionThatEveryAuthenticatedCallerCanRead() {
        String body = aCommunityCentre("鹿城区五马街道社区卫生服务中心");

        String id = registry.post("/institutions", body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/institutions/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        registry.get("/institutions/" + id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("鹿城区五马街道社区卫生服务中心")
                .jsonPath("$.level").isEqualTo("PRIMARY")
                .jsonPath("$.regionCode").isEqualTo("330302")
                .jsonPath("$.departments[0]").isEqualTo("全科")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.version").isEqualTo(1);
        registry.post("/institutions", body).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.organisationCode").isEqualTo(JSON.readTree(body).get("organisationCode").asString())
                .jsonPath("$.code").isEqualTo("duplicate-institution");
        registry.get("/institutions?regionCode=330302&level=PRIMARY").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].name").isEqualTo("鹿城区五马街道社区卫生服务中心");
    }

    @Test
    void aDesignatedInstitutionKeepsItsMedinsCodeAndABadOneIsNamed() {
        String withCode = aCommunityCentre("鹿城区松台街道社区卫生服务中心").replace("{", "{\"medinsCode\":\"H33030290001\",");
        String id = registry.create("/institutions", withCode);
        registry.get("/institutions/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.medinsCode").isEqualTo("H33030290001");
        String without = registry.create("/institutions", aCommunityCentre("鹿城区大南街道社区卫生服务中心"));
        registry.get("/institutions/" + without).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.medinsCode").doesNotExist();
        expectFieldError(registry.post("/institutions", aCommunityCentre("x").replace("{", "{\"medinsCode\":\"330302\",")),
                "medinsCode");
    }

    @Test
    void everyBadInputIsAProblemNamingTheField() {
        expectFieldError(registry.post("/institutions", aCommunityCentre("x").replace("\"regionCode\":\"330302\"", "\"regionCode\":\"3505\"")), "regionCode");
        expectFieldError(registry.post("/institutions", aCommunityCentre("x").replace("{", "{\"version\":7,")),
                "version");
        expectFieldError(registry.post("/institutions", aCommunityCentre("x").replace("\"PRIMARY\"", "\"LEVEL_9\"")),
                "level");
        expectFieldError(registry.post("/institutions", aCommunityCentre("x").replace("\"name\":\"x\"", "\"name\":\" \"")),
                "name");
        expectFieldError(registry.post("/institutions", aCommunityCentre("x")
                .replaceFirst("\"organisationCode\":\"[^\"]+\"", "\"organisationCode\":\"12345\"")), "organisationCode");
        expectFieldError(registry.put("/institutions/any", "version-one", aCommunityCentre("x")), "If-Match");
        expectFieldError(registry.get("/institutions?level=HIGH"), "level");

        expectNotFound(registry.get("/institutions/no-such-institution").exchange(), "Institution",
                "no-such-institution");
        registry.put("/institutions/no-such-institution", "\"1\"", aCommunityCentre("x")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void onlyARegistryAdministratorChangesTheRegistry() {
        String id = registry.create("/institutions", aCommunityCentre("鹿城区江滨街道社区卫生服务中心"));

        registry.post("/institutions", RegistryClient.DOCTOR, aCommunityCentre("某社区卫生服务中心")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:forbidden")
                .jsonPath("$.code").isEqualTo("administrators-only");
        registry.post("/institutions/" + id + "/deactivation", RegistryClient.DOCTOR, "").exchange()
                .expectStatus().isForbidden();
        registry.get("/institutions?regionCode=330302").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.name == '某社区卫生服务中心')]").isEmpty();
        registry.get("/institutions/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(true);
    }

    @Test
    void aRevisionNamesTheVersionItIsBasedOnAndAStaleOneIsRefused() {
        String id = registry.create("/institutions", aCommunityCentre("鹿城区南门街道社区卫生服务中心"));
        String revised = aCommunityCentre("鹿城区南门街道社区卫生服务中心（新院区）");

        registry.put("/institutions/" + id, null, revised).exchange().expectStatus().isEqualTo(428);
        registry.put("/institutions/" + id, "\"1\"", revised).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.name")
                .isEqualTo("鹿城区南门街道社区卫生服务中心（新院区）");
        registry.put("/institutions/" + id, "\"1\"", aCommunityCentre("lost update")).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(2)
                .jsonPath("$.code").isEqualTo("stale-version")
                .jsonPath("$.title").isEqualTo("Version changed")
                .jsonPath("$.detail").isEqualTo("Institution " + id + " is at version 2, not 1: read it again and retry with its new ETag");

        String other = aCommunityCentre("鹿城区黄龙街道社区卫生服务中心");
        registry.create("/institutions", other);
        String takenCode = JSON.readTree(other).get("organisationCode").asString();
        registry.put("/institutions/" + id, "\"2\"", revised.replaceFirst("\"organisationCode\":\"[^\"]+\"",
                "\"organisationCode\":\"" + takenCode + "\"")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.organisationCode").isEqualTo(takenCode)
                .jsonPath("$.code").isEqualTo("duplicate-institution");
        registry.get("/institutions/" + id).exchange().expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void aNewConsumerOfTheCompactedTopicSeesTheLatestSnapshotOfEveryInstitutionAndNoneOfARemovedOne() throws Exception {
        String revisedId = registry.create("/institutions", aCommunityCentre("瓯海区梧田街道社区卫生服务中心"));
        registry.put("/institutions/" + revisedId, "\"1\"", aCommunityCentre("瓯海区梧田街道社区卫生服务中心（更名）"))
                .exchange().expectStatus().isOk();
        String deactivatedId = registry.create("/institutions", aCommunityCentre("瓯海区茶山街道社区卫生服务中心"));
        registry.post("/institutions/" + deactivatedId + "/deactivation", "").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version").isEqualTo(2);
        String removedBody = aCommunityCentre("登记错误的机构");
        String removedId = registry.create("/institutions", removedBody);
        registry.delete("/institutions/" + removedId).exchange().expectStatus().isNoContent();
        expectNotFound(registry.get("/institutions/" + removedId).exchange(), "Institution", removedId);
        // its organisation code is free again
        registry.post("/institutions", removedBody).exchange().expectStatus()
                .isCreated();

        Map<String, ConsumerRecord<String, byte[]>> latest = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, TOPIC, 100, Duration.ofSeconds(2))),
                        byKey -> byKey.containsKey(revisedId) && byKey.containsKey(deactivatedId)
                                && byKey.containsKey(removedId) && byKey.get(removedId).value() == null
                                && snapshot(byKey.get(revisedId)).get("version").asLong() == 2
                                && snapshot(byKey.get(deactivatedId)).get("version").asLong() == 2);

        JsonNode revised = snapshot(latest.get(revisedId));
        assertThat(revised.get("institutionId").asString()).isEqualTo(revisedId);
        assertThat(revised.get("name").asString()).isEqualTo("瓯海区梧田街道社区卫生服务中心（更名）");
        assertThat(revised.get("organisationCode").asString()).hasSize(18);
        assertThat(revised.get("level").asString()).isEqualTo("PRIMARY");
        assertThat(revised.get("departments").size()).isEqualTo(2);
        assertThat(snapshot(latest.get(deactivatedId)).get("active").asBoolean()).isFalse();
        // the change's own time, taken from the service's clock before the event was made (ce_time is stored in ms)
        assertThat(Instant.parse(revised.get("occurredAt").asString()).truncatedTo(ChronoUnit.MILLIS))
                .isBeforeOrEqualTo(Instant.parse(KafkaRecords.header(latest.get(revisedId), CloudEventHeaders.TIME)));
        ConsumerRecord<String, byte[]> tombstone = latest.get(removedId);
        assertThat(KafkaRecords.header(tombstone, CloudEventHeaders.TYPE)).isEqualTo("registry.institution.v1");
        assertThat(KafkaRecords.header(tombstone, CloudEventHeaders.SUBJECT)).isEqualTo(removedId);
        assertThat(KafkaRecords.header(tombstone, CloudEventHeaders.SOURCE)).isEqualTo("/registry-service");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            for (String topic : List.of(TOPIC, "registry.alliances.v1", "registry.catalogs.v1",
                    "registry.contracts.v1", "registry.practitioners.v1")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
            }
        }
    }

    private static void expectFieldError(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request,
                                         String field) {
        request.exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    static Map<String, ConsumerRecord<String, byte[]>> latestByKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, ConsumerRecord<String, byte[]>> latest = new LinkedHashMap<>();
        records.forEach(record -> latest.put(record.key(), record));
        return latest;
    }

    static JsonNode snapshot(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }
}
