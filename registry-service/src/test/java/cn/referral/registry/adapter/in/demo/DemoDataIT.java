package cn.referral.registry.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.registry.RegistryItSupport;
import tools.jackson.databind.json.JsonMapper;

/** The local profile's demo network: loaded once at startup, published like any write, usable for routes. */
@ServiceIntegrationTest
@ActiveProfiles("local")
class DemoDataIT extends RegistryItSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the demo files hold: the loader must have loaded all of it, and no more. */
    private static final DemoData FILES = DemoDataFiles.network(JSON);
    private static final int INSTITUTIONS = FILES.institutions().size();
    private static final int ALLIANCES = FILES.alliances().size();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    DemoDataLoader loader;

    @Test
    void loadingAgainCreatesNothingAndChangesNothing() {
        Map<String, Long> before = counts();
        assertThat(before).containsEntry("institutions", (long) INSTITUTIONS).containsEntry("alliances", (long) ALLIANCES)
                .containsEntry("catalogs", (long) DemoDataFiles.catalogs(JSON).catalogs().size())
                .containsEntry("practitioners", (long) FILES.practitioners().size());

        loader.load().block(Duration.ofMinutes(1));

        assertThat(counts()).isEqualTo(before);
        for (String collection : List.of("institutions", "alliances", "catalogs", "practitioners")) {
            assertThat(mongo.findAll(Document.class, collection).map(d -> ((Number) d.get("version")).longValue())
                    .distinct().collectList().block(Duration.ofSeconds(10))).as(collection).containsExactly(1L);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(org.springframework.data.mongodb.core.query.Query
                .query(org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)),
                "institutions").block(Duration.ofSeconds(10)) == 0);
    }

    @Test
    void aNewConsumerOfTheCompactedTopicsSeesEveryDemoInstitutionAndAlliance() {
        Set<String> institutionKeys = await().atMost(Duration.ofSeconds(60)).until(
                () -> keys(KafkaRecords.read(brokers, "registry.institutions.v1", INSTITUTIONS, Duration.ofSeconds(5))),
                keys -> keys.size() == INSTITUTIONS);
        assertThat(institutionKeys).contains("wz-wmu-first-hospital", "wz-lucheng-nanhui-chc", "na-county-hospital",
                "na-shijing-thc", "wz-central-hospital", "wz-lucheng-guanghua-chc", "wz-longwan-yaoxi-chc");

        List<ConsumerRecord<String, byte[]>> alliances = everyKeyOf("registry.alliances.v1", ALLIANCES);
        ConsumerRecord<String, byte[]> central = alliances.stream()
                .filter(r -> r.key().equals("wz-urban-group-central")).findFirst().orElseThrow();
        var snapshot = JSON.readTree(central.value());
        assertThat(snapshot.get("grids").size()).isEqualTo(15);
        assertThat(snapshot.get("hubInstitutionId").asString()).isEqualTo("wz-lucheng-peoples-hospital");
        assertThat(snapshot.get("type").asString()).isEqualTo("URBAN_MEDICAL_GROUP");
    }

    /** deploy/run-local's down-referrals hand the patient over to a demo family doctor referral-service must know. */
    @Test
    void aNewConsumerOfThePractitionersSeesEveryDemoPractitionerAtTheirInstitution() {
        List<ConsumerRecord<String, byte[]>> practitioners = everyKeyOf("registry.practitioners.v1",
                FILES.practitioners().size());
        ConsumerRecord<String, byte[]> gp = practitioners.stream()
                .filter(r -> r.key().equals("na-shijing-gp-1")).findFirst().orElseThrow();
        var snapshot = JSON.readTree(gp.value());
        assertThat(snapshot.get("institutionId").asString()).isEqualTo("na-shijing-thc");
        assertThat(snapshot.get("role").asString()).isEqualTo("GENERAL_PRACTITIONER");
        assertThat(snapshot.get("active").asBoolean()).isTrue();
    }

    @Test
    void routesFromAWenzhouPianquStartWithItsGroupsLeadHospital() {
        assertThat(firstRoutes("wz-lucheng-nanhui-chc", "I21.0", 1)).containsExactly("wz-wmu-first-hospital");
        assertThat(firstRoutes("wz-lucheng-guanghua-chc", "I63.9", 2))
                .containsExactly("wz-central-hospital", "wz-lucheng-peoples-hospital");
        assertThat(firstRoutes("wz-longwan-yaoxi-chc", "I21.0", 1)).containsExactly("wz-longwan-first-hospital");
        assertThat(firstRoutes("na-shijing-thc", "I63.9", 1)).containsExactly("na-county-hospital");

        registry.get("/alliances/common?a=wz-lucheng-nanhui-chc&b=wz-wmu-first-hospital").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.alliances[0].allianceId").isEqualTo("wz-urban-group-wmu1");
        registry.get("/alliances/common?a=na-shijing-thc&b=wz-wmu-first-hospital").exchange()
                .expectBody().jsonPath("$.sameAlliance").isEqualTo(false);
        registry.get("/catalogs/eligibility?direction=DOWN&diagnosis=I10&targetLevel=PRIMARY").exchange()
                .expectBody().jsonPath("$.inCatalog").isEqualTo(true);
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=C34.1&targetLevel=TERTIARY").exchange()
                .expectBody().jsonPath("$.matchedEntry.entry.code").isEqualTo("C");
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=I20.9&targetLevel=TERTIARY").exchange()
                .expectBody().jsonPath("$.inCatalog").isEqualTo(false);
    }

    private List<Object> firstRoutes(String from, String diagnosis, int limit) {
        return registry.get("/routes?from=" + from + "&diagnosis=" + diagnosis + "&careType=INPATIENT&limit=" + limit)
                .exchange().expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody().stream().map(route -> route.get("institutionId")).toList();
    }

    private Map<String, Long> counts() {
        return List.of("institutions", "alliances", "catalogs", "practitioners").stream()
                .collect(Collectors.toMap(c -> c, c -> mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                        c).block(Duration.ofSeconds(10))));
    }

    /** The records of a compacted topic a new consumer reads, once it has read {@code count} keys. */
    private List<ConsumerRecord<String, byte[]>> everyKeyOf(String topic, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> KafkaRecords.read(brokers, topic, count, Duration.ofSeconds(5)),
                records -> keys(records).size() == count);
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
