package cn.referral.registry.adapter.in.web;

import static cn.referral.platform.testing.Problems.expectNotFound;
import static cn.referral.registry.RegistryClient.aCityHospital;
import static cn.referral.registry.RegistryClient.aCommunityCentre;
import static cn.referral.registry.RegistryClient.aDistrictHospital;
import static cn.referral.registry.RegistryClient.anUrbanGroup;
import static cn.referral.registry.adapter.in.web.InstitutionApiIT.latestByKey;
import static cn.referral.registry.adapter.in.web.InstitutionApiIT.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.KafkaRecords;
import cn.referral.platform.testing.MutableClock;
import cn.referral.platform.testing.MutableClockConfiguration;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;
import cn.referral.registry.RegistryClient;
import cn.referral.registry.RegistryItSupport;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Alliances and grids, catalogs and eligibility, family-doctor contracts and route suggestions, end to end. */
@ServiceIntegrationTest
@Import(MutableClockConfiguration.class)
class ReferralNetworkIT extends RegistryItSupport {

    /** A valid identity number (GB 11643 check character computed, not a real person's). */
    private static final String IDENTITY_NUMBER = "33030219800101123" + IdentityNumbers.checkCharacter("33030219800101123");

    private static final String ANOTHER_IDENTITY_NUMBER = "35058319900215002"
            + IdentityNumbers.checkCharacter("35058319900215002");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PatientDataCrypto crypto;

    @Autowired
    MutableClock clock;

    @Autowired
    PractitionerUseCases practitioners;

    @Test
    void anUrbanGroupWithItsGridAnswersWhichAlliancesAnInstitutionIsInAndWhetherTwoShareOne() {
        UrbanGroup group = anUrbanGroupWithAHub("温州市中心医院城市医疗集团", "温州市中心医院", "鹿城区人民医院", "广化",
                "鹿城区广化街道社区卫生服务中心");
        String stranger = registry.create("/institutions", aCommunityCentre("龙湾区状元街道社区卫生服务中心"));

        registry.get("/alliances/" + group.id()).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.leadInstitutionIds[0]").isEqualTo(group.lead())
                .jsonPath("$.hubInstitutionId").isEqualTo(group.hub())
                .jsonPath("$.memberInstitutionIds.length()").isEqualTo(3)
                .jsonPath("$.grids[0].name").isEqualTo("广化")
                .jsonPath("$.grids[0].gridId").isNotEmpty();
        registry.get("/alliances?institutionId=" + group.centre()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(group.id());
        registry.get("/alliances?institutionId=").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("institutionId");
        registry.get("/alliances/common?a=" + group.centre() + "&b=" + group.lead()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sameAlliance").isEqualTo(true)
                .jsonPath("$.alliances[0].allianceId").isEqualTo(group.id())
                .jsonPath("$.alliances[0].type").isEqualTo("URBAN_MEDICAL_GROUP");
        registry.get("/alliances/common?a=" + stranger + "&b=" + group.lead()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sameAlliance").isEqualTo(false).jsonPath("$.alliances").isEmpty();
        registry.get("/alliances/common?a=" + stranger + "&b=no-such-institution").exchange()
                .expectStatus().isNotFound();
        registry.get("/alliances/common?a=" + stranger).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("b");
        registry.get("/alliances/common?a=" + stranger + "&b= ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("b");

        registry.delete("/institutions/" + group.centre()).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("institution-in-alliance");
    }

    @Test
    void aGridCellServedByOneGroupCannotJoinAnotherNotEvenByConcurrentRequests() {
        String lead = registry.create("/institutions", aCityHospital("温州市人民医院"));
        String centre = registry.create("/institutions", aCommunityCentre("鹿城区五马街道社区卫生服务中心"));
        registry.create("/alliances", anUrbanGroup("温州市人民医院城市医疗集团", lead, null, "鹿城区", "五马", centre));

        String rival = registry.create("/institutions", aCityHospital("另一家三级医院"));
        registry.post("/alliances", anUrbanGroup("另一集团", rival, null, "鹿城区", "五马", centre)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("grid-cell-taken")
                .jsonPath("$.errors[0].field").isEqualTo("grids")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("鹿城区/五马"));

        List<Integer> statuses = Flux.range(0, 6)
                .flatMap(i -> Flux.defer(() -> Flux.just(registry.post("/alliances",
                                anUrbanGroup("竞争集团" + i, rival, null, "瓯海区", "娄桥", centre)).exchange()
                        .returnResult(String.class).getStatus().value())).subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).as("exactly one group takes the cell").containsOnly(201, 422).filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("gridCells").is("瓯海区/娄桥")), "alliances")
                .block()).isEqualTo(1);
    }

    @Test
    void anAllianceNamingAnUnknownInstitutionIsRefusedAndARemovedOneIsATombstone() {
        String lead = registry.create("/institutions", aCityHospital("温州市中医院"));
        registry.post("/alliances", anUrbanGroup("温州市中医院城市医疗集团", lead, null, "鹿城区", "南浦", "no-such-centre"))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("grids.leadInstitutionId");
        registry.post("/alliances", """
                {"name":"x","type":"CITY_GROUP","regionCode":"330300","leadInstitutionIds":["%s"]}""".formatted(lead))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        registry.post("/alliances", """
                {"name":"x","type":"SPECIALTY_ALLIANCE","regionCode":"330300","leadInstitutionIds":[]}""")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadInstitutionIds");
        registry.post("/alliances", """
                {"name":"x","type":"SPECIALTY_ALLIANCE","regionCode":"330300","leadInstitutionIds":["%s","%s"]}"""
                .formatted(lead, "x".repeat(101)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadInstitutionIds[1]");

        String centre = registry.create("/institutions", aCommunityCentre("鹿城区南浦街道社区卫生服务中心"));
        String group = registry.create("/alliances", anUrbanGroup("温州市中医院城市医疗集团", lead, null, "鹿城区", "南浦", centre));
        registry.put("/alliances/" + group, "\"7\"", anUrbanGroup("改名", lead, null, "鹿城区", "南浦", centre)).exchange()
                .expectStatus().isEqualTo(412);
        registry.delete("/alliances/" + group).exchange().expectStatus().isNoContent();
        expectNotFound(registry.get("/alliances/" + group).exchange(), "Alliance", group);
        expectNotFound(registry.get("/catalogs/no-such-catalog").exchange(), "Catalog", "no-such-catalog");
        registry.create("/alliances", anUrbanGroup("新集团", lead, null, "鹿城区", "南浦", centre));

        ConsumerRecord<String, byte[]> last = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, "registry.alliances.v1", 100, Duration.ofSeconds(2)))
                        .get(group), record -> record != null && record.value() == null);
        assertThat(KafkaRecords.header(last, "ce_type")).isEqualTo("registry.alliance.v1");
    }

    @Test
    void eligibilityNamesTheMatchedEntryAndTheMostSpecificOneWins() {
        String catalog = registry.create("/catalogs", """
                {"name":"上转病种目录（三级）","direction":"UP","targetLevel":"TERTIARY","effectiveFrom":"2025-06-01",
                 "entries":[{"code":"I20.0","name":"不稳定型心绞痛"},{"code":"I21","name":"急性心肌梗死"},
                            {"code":"I63","name":"脑梗死"},{"code":"I63.9","name":"脑梗死，未特指","careTypes":["INPATIENT"]}]}""");

        // other tests publish I21 too, in effect earlier: on a tie the catalog in effect most recently decides
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=I21.4&targetLevel=TERTIARY").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.inCatalog").isEqualTo(true)
                .jsonPath("$.matchedEntry.catalogId").isEqualTo(catalog)
                .jsonPath("$.matchedEntry.entry.code").isEqualTo("I21")
                .jsonPath("$.explanation").value(text -> assertThat(text.toString()).contains("I21.4", "急性心肌梗死"));
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=I63.9&targetLevel=TERTIARY&careType=INPATIENT")
                .exchange().expectBody().jsonPath("$.matchedEntry.entry.code").isEqualTo("I63.9");
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=I63.9&targetLevel=TERTIARY&careType=OUTPATIENT")
                .exchange().expectBody().jsonPath("$.matchedEntry.entry.code").isEqualTo("I63");
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=I20.9&targetLevel=TERTIARY").exchange()
                .expectBody().jsonPath("$.inCatalog").isEqualTo(false).jsonPath("$.matchedEntry").doesNotExist();
        registry.get("/catalogs/eligibility?direction=SIDEWAYS&diagnosis=I21&targetLevel=TERTIARY").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("direction");
        registry.get("/catalogs/eligibility?direction=UP&diagnosis=心梗&targetLevel=TERTIARY").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("diagnosis");
        registry.post("/catalogs", """
                {"name":"x","direction":"DOWN","targetLevel":"PRIMARY","effectiveFrom":"2025-01-01",
                 "entries":[{"code":"I10-I15","name":"高血压"}]}""").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("entries[0].code");

        ConsumerRecord<String, byte[]> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, "registry.catalogs.v1", 1, Duration.ofSeconds(2)))
                        .get(catalog), record -> record != null);
        assertThat(snapshot(published).get("entries").size()).isEqualTo(4);
        assertThat(snapshot(published).get("targetLevel").asString()).isEqualTo("TERTIARY");
        assertThat(snapshot(published).get("effectiveFrom").asString()).isEqualTo("2025-06-01");
    }

    /**
     * referral-service checks a down-referral's handover against the registry's practitioners: each is published,
     * keyed by their id, with the institution they work at and their role, and without their name.
     */
    @Test
    void aRegisteredPractitionerIsPublishedWithTheirInstitutionAndRoleButNotTheirName() {
        String centre = registry.create("/institutions", aCommunityCentre("鹿城区五马街道社区卫生服务中心"));
        String doctor = registry.create("/practitioners", """
                {"name":"林秀英","institutionId":"%s","role":"VILLAGE_DOCTOR","title":"乡村医生","department":"全科"}"""
                .formatted(centre));

        ConsumerRecord<String, byte[]> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, "registry.practitioners.v1", 1,
                        Duration.ofSeconds(2))).get(doctor), record -> record != null);
        assertThat(KafkaRecords.header(published, CloudEventHeaders.TYPE)).isEqualTo("registry.practitioner.v1");
        assertThat(KafkaRecords.header(published, CloudEventHeaders.SUBJECT)).isEqualTo(doctor);
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain("林秀英");
        assertThat(snapshot(published).get("practitionerId").asString()).isEqualTo(doctor);
        assertThat(snapshot(published).get("institutionId").asString()).isEqualTo(centre);
        assertThat(snapshot(published).get("role").asString()).isEqualTo("VILLAGE_DOCTOR");
        assertThat(snapshot(published).get("active").asBoolean()).isTrue();
        assertThat(snapshot(published).get("version").asLong()).isEqualTo(1);
        registry.get("/practitioners/" + doctor).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("林秀英").jsonPath("$.institutionId").isEqualTo(centre);
    }

    /**
     * An installation upgraded from before practitioners were published has practitioners with no snapshot: each
     * start publishes them, once, so referral-service does not refuse every handover to them.
     */
    @Test
    void aPractitionerStoredBeforePractitionersWerePublishedIsPublishedOnceAtStart() {
        String centre = registry.create("/institutions", aCommunityCentre("鹿城区南汇街道社区卫生服务中心"));
        // the document as it was stored then: no active flag, no version, no outbox
        mongo.insert(new Document(Map.of("_id", "gp-stored-earlier", "name", "郑丽华", "institutionId", centre,
                "role", "GENERAL_PRACTITIONER", "title", "主治医师", "department", "全科")), "practitioners")
                .block(Duration.ofSeconds(10));

        assertThat(practitioners.publishStoredBeforePublication().block(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(practitioners.publishStoredBeforePublication().block(Duration.ofSeconds(10)))
                .as("the next start finds nothing left to publish").isZero();

        ConsumerRecord<String, byte[]> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, "registry.practitioners.v1", 1,
                        Duration.ofSeconds(2))).get("gp-stored-earlier"), record -> record != null);
        assertThat(KafkaRecords.header(published, CloudEventHeaders.TYPE)).isEqualTo("registry.practitioner.v1");
        assertThat(snapshot(published).get("institutionId").asString()).isEqualTo(centre);
        assertThat(snapshot(published).get("role").asString()).isEqualTo("GENERAL_PRACTITIONER");
        assertThat(snapshot(published).get("active").asBoolean()).isTrue();
        assertThat(snapshot(published).get("version").asLong()).isEqualTo(1);
        assertThat(KafkaRecords.read(brokers, "registry.practitioners.v1", Integer.MAX_VALUE, Duration.ofSeconds(3))
                .stream()
                .filter(record -> "gp-stored-earlier".equals(record.key())).count())
                .as("published once").isEqualTo(1);
        registry.get("/practitioners/gp-stored-earlier").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("郑丽华").jsonPath("$.institutionId").isEqualTo(centre);
    }

    /**
     * A practitioner's name, role, title and department are revised as an institution's details are (If-Match, 412
     * on a stale version); the institution stays (a move is a deactivation there and a registration elsewhere);
     * they are deactivated when they leave and removed when registered in error. Each change reaches
     * registry.practitioners.v1 at its version, the deactivation as inactive, the removal as a tombstone, so
     * referral-service stops taking handovers to them.
     */
    @Test
    void aPractitionerIsRevisedDeactivatedAndRemovedAndEachChangeIsPublished() {
        String centre = registry.create("/institutions", aCommunityCentre("鹿城区广化街道社区卫生服务中心"));
        String otherCentre = registry.create("/institutions", aCommunityCentre("鹿城区松台街道社区卫生服务中心"));
        String practitioner = """
                {"name":"%s","institutionId":"%s","role":"%s","title":"%s","department":"全科"}""";
        String doctor = registry.post("/practitioners", practitioner.formatted("王建平", centre, "GENERAL_PRACTITIONER",
                        "主治医师")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectHeader().valueMatches("Location", ".*/practitioners/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String asSpecialist = practitioner.formatted("王建平", centre, "SPECIALIST", "副主任医师");

        registry.put("/practitioners/" + doctor, null, asSpecialist).exchange().expectStatus().isEqualTo(428);
        registry.put("/practitioners/" + doctor, "\"1\"", asSpecialist).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.role").isEqualTo("SPECIALIST")
                .jsonPath("$.title").isEqualTo("副主任医师").jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.institutionId").isEqualTo(centre);
        registry.put("/practitioners/" + doctor, "\"1\"", practitioner.formatted("王建平", centre,
                        "GENERAL_PRACTITIONER", "主治医师")).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("stale-version").jsonPath("$.currentVersion").isEqualTo(2);
        registry.put("/practitioners/" + doctor, "\"2\"", practitioner.formatted("王建平", otherCentre,
                        "SPECIALIST", "副主任医师")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("practitioner-moved")
                .jsonPath("$.errors[0].field").isEqualTo("institutionId");
        registry.put("/practitioners/no-such-practitioner", "\"1\"", asSpecialist).exchange()
                .expectStatus().isNotFound();
        registry.post("/practitioners/" + doctor + "/deactivation", RegistryClient.DOCTOR, "").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("administrators-only");
        registry.get("/practitioners/" + doctor).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.institutionId").isEqualTo(centre).jsonPath("$.active").isEqualTo(true);

        registry.post("/practitioners/" + doctor + "/deactivation", "").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.version").isEqualTo(3);
        registry.post("/practitioners/" + doctor + "/deactivation", "").exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("practitioner-inactive");
        registry.get("/practitioners?institutionId=" + centre).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + doctor + "')].active").isEqualTo(false);
        String registeredInError = registry.create("/practitioners", practitioner.formatted("王建平", otherCentre,
                "GENERAL_PRACTITIONER", "主治医师"));
        registry.delete("/practitioners/" + registeredInError).exchange().expectStatus().isNoContent();
        expectNotFound(registry.get("/practitioners/" + registeredInError).exchange(), "Practitioner",
                registeredInError);
        registry.get("/practitioners?institutionId=" + otherCentre).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + registeredInError + "')]").isEmpty();

        List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaRecords.read(brokers, "registry.practitioners.v1", Integer.MAX_VALUE,
                        Duration.ofSeconds(2)), records -> records.stream()
                        .anyMatch(record -> registeredInError.equals(record.key()) && record.value() == null)
                        && records.stream().filter(record -> doctor.equals(record.key())).count() == 3);
        List<PublishedPractitioner> doctorsChanges = published.stream().filter(record -> doctor.equals(record.key()))
                .map(record -> new PublishedPractitioner(snapshot(record).get("role").asString(),
                        snapshot(record).get("active").asBoolean(), snapshot(record).get("version").asLong()))
                .toList();
        assertThat(doctorsChanges).containsExactly(new PublishedPractitioner("GENERAL_PRACTITIONER", true, 1),
                new PublishedPractitioner("SPECIALIST", true, 2), new PublishedPractitioner("SPECIALIST", false, 3));
        List<ConsumerRecord<String, byte[]>> removal = published.stream()
                .filter(record -> registeredInError.equals(record.key())).toList();
        assertThat(removal).hasSize(2);
        assertThat(removal.get(1).value()).as("the removal is a tombstone").isNull();
        assertThat(KafkaRecords.header(removal.get(1), CloudEventHeaders.TYPE)).isEqualTo("registry.practitioner.v1");
        assertThat(KafkaRecords.header(removal.get(1), CloudEventHeaders.SUBJECT)).isEqualTo(registeredInError);
    }

    /** What referral-service reads of one practitioner's snapshot. */
    private record PublishedPractitioner(String role, boolean active, long version) {
    }

    @Test
    void aContractIsKeyedByThePatientsPseudonymAndNeverKeepsTheIdentityNumber() {
        String centre = registry.create("/institutions", aCommunityCentre("鹿城区黄龙街道社区卫生服务中心"));
        String district = registry.create("/institutions", aDistrictHospital("鹿城区某区级医院"));
        String city = registry.create("/institutions", aCityHospital("温州市某市级医院"));
        String doctor = registry.create("/practitioners", """
                {"name":"陈晓红","institutionId":"%s","role":"GENERAL_PRACTITIONER","title":"主治医师","department":"全科"}"""
                .formatted(centre));
        expectNotFound(registry.get("/practitioners/no-such-practitioner").exchange(), "Practitioner",
                "no-such-practitioner");
        registry.get("/practitioners?institutionId=" + centre).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(doctor);
        registry.get("/practitioners?institutionId= ").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("institutionId");
        String contract = """
                {"identityNumber":"%s","primaryInstitutionId":"%s","districtHospitalId":"%s","cityHospitalId":"%s",
                 "familyDoctorId":"%s","validFrom":"%s","validUntil":"%s"}""";
        LocalDate today = LocalDate.now();
        String body = contract.formatted(IDENTITY_NUMBER, centre, district, city, doctor, today.minusDays(1),
                today.plusYears(1));
        String patientRef = crypto.pseudonym(IDENTITY_NUMBER);

        byte[] response = registry.post("/contracts", body).exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.patientRef").isEqualTo(patientRef)
                .jsonPath("$.identityNumberMasked").isEqualTo(IdentityNumbers.mask(IDENTITY_NUMBER))
                .jsonPath("$.validToday").isEqualTo(true)
                .returnResult().getResponseBody();
        assertThat(new String(response, StandardCharsets.UTF_8)).doesNotContain(IDENTITY_NUMBER);
        registry.get("/contracts?patientRef=" + patientRef).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.cityHospitalId").isEqualTo(city);
        registry.post("/contracts", body).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("duplicate-contract");

        String wrongCheckDigit = IDENTITY_NUMBER.substring(0, 17) + (IDENTITY_NUMBER.endsWith("1") ? "2" : "1");
        byte[] invalid = registry.post("/contracts", contract.formatted(wrongCheckDigit, centre, district, city, doctor,
                        today, today.plusYears(1))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("identityNumber")
                .returnResult().getResponseBody();
        assertThat(new String(invalid, StandardCharsets.UTF_8)).doesNotContain(wrongCheckDigit);
        registry.post("/contracts", contract.formatted(ANOTHER_IDENTITY_NUMBER, district, district, city, doctor, today,
                        today.plusYears(1))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("one-plus-one-plus-one")
                .jsonPath("$.errors[0].field").isEqualTo("primaryInstitutionId");

        List<Document> stored = mongo.findAll(Document.class, "contracts").collectList().block(Duration.ofSeconds(10));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).toJson()).doesNotContain(IDENTITY_NUMBER).contains(patientRef);

        String contractId = (String) stored.get(0).get("_id");
        // keyed by contract: a patient's old and new contracts are separate records of the compacted topic
        ConsumerRecord<String, byte[]> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> latestByKey(KafkaRecords.read(brokers, "registry.contracts.v1", 1, Duration.ofSeconds(2)))
                        .get(contractId), record -> record != null);
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain(IDENTITY_NUMBER)
                .doesNotContain(IdentityNumbers.mask(IDENTITY_NUMBER));
        assertThat(snapshot(published).get("patientRef").asString()).isEqualTo(patientRef);
        assertThat(snapshot(published).get("familyDoctorId").asString()).isEqualTo(doctor);
        assertThat(snapshot(published).get("active").asBoolean()).isTrue();

        readsOfTheContractAreAuditedAndOnlyAnAuditorReadsThem(contractId, patientRef, centre);

        registry.post("/contracts/" + contractId + "/termination", "").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.validToday").isEqualTo(false);
    }

    /** DESIGN §5: every read of patient data leaves who, role, institution, purpose and time, for auditors only. */
    private void readsOfTheContractAreAuditedAndOnlyAnAuditorReadsThem(String contractId, String patientRef,
                                                                       String centre) {
        // the read by patientRef above, by the default doctor without a stated purpose, was audited already
        List<Document> before = audit(contractId);
        assertThat(before).hasSize(1);
        assertThat(before.get(0)).containsEntry("purpose", "CONTINUITY_OF_CARE").containsEntry("patientRef", patientRef)
                .containsEntry("action", "READ_CONTRACT");

        String doctor = TestTokens.token("dr-chen@" + centre, centre, null, Role.PRIMARY_DOCTOR);
        clock.advance(Duration.ofMillis(1)); // audit times are kept to the millisecond: no tie on newest-first
        registry.get("/contracts/" + contractId, doctor).header("X-Access-Purpose", "TREATMENT; follow-up visit").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(contractId);
        List<Document> after = audit(contractId);
        assertThat(after).as("one record per read").hasSize(2);
        Document read = after.stream().filter(d -> "TREATMENT; follow-up visit".equals(d.get("purpose"))).findFirst().orElseThrow();
        assertThat(read).containsEntry("subject", "dr-chen@" + centre).containsEntry("roles", List.of("PRIMARY_DOCTOR"))
                .containsEntry("institutionId", centre).containsEntry("contractId", contractId)
                .containsEntry("patientRef", patientRef).containsEntry("action", "READ_CONTRACT");
        assertThat(read.get("at")).isNotNull();

        long total = mongo.count(new Query(), "audit").block(Duration.ofSeconds(10));
        expectNotFound(registry.get("/contracts/no-such-contract", doctor).exchange(), "Contract", "no-such-contract");
        registry.get("/contracts?patientRef= ", doctor).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("patientRef");
        registry.get("/contracts?patientRef=no-such-patient", doctor).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:problem-type:referral-platform:not-found")
                .jsonPath("$.title").isEqualTo("Contract not found")
                .jsonPath("$.detail").isEqualTo("The patient has no family-doctor contract");
        assertThat(mongo.count(new Query(), "audit").block(Duration.ofSeconds(10))).as("a failed read writes nothing")
                .isEqualTo(total);

        String auditor = TestTokens.token("auditor-li", "wz-health-commission", null, Role.AUDITOR);
        registry.get("/audit?contractId=" + contractId, auditor).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].purpose").isEqualTo("TREATMENT; follow-up visit")
                .jsonPath("$[0].subject").isEqualTo("dr-chen@" + centre)
                .jsonPath("$[0].roles[0]").isEqualTo("PRIMARY_DOCTOR")
                .jsonPath("$[0].institutionId").isEqualTo(centre)
                .jsonPath("$[0].contractId").isEqualTo(contractId)
                .jsonPath("$[0].action").isEqualTo("READ_CONTRACT")
                .jsonPath("$[0].at").isNotEmpty()
                .jsonPath("$[1].purpose").isEqualTo("CONTINUITY_OF_CARE");
        registry.get("/audit?contractId=" + contractId, doctor).exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(type -> assertThat(type.toString()).endsWith("forbidden"))
                .jsonPath("$.code").isEqualTo("auditors-only");
        registry.get("/audit?contractId=" + contractId, RegistryClient.ADMIN).exchange().expectStatus().isForbidden();
        registry.get("/audit?contractId= ", auditor).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contractId");
        registry.get("/audit", auditor).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contractId");
        assertThat(audit(contractId)).as("reading the audit trail is no read of the contract").hasSize(2);
    }

    private List<Document> audit(String contractId) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId)), Document.class, "audit")
                .collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void routesFromACommunityCentreSuggestItsGroupsLeadFirstThenItsHubThenOthersWithReasons() {
        UrbanGroup group = anUrbanGroupWithAHub("温州市中西医结合医院城市医疗集团", "温州市中西医结合医院", "鹿城区某枢纽医院",
                "绣山", "鹿城区绣山街道社区卫生服务中心");
        String otherCity = registry.create("/institutions", aCityHospital("温州市另一三级医院"));
        registry.create("/catalogs", """
                {"name":"上转（三级）","direction":"UP","targetLevel":"TERTIARY","effectiveFrom":"2025-01-01",
                 "entries":[{"code":"I21","name":"急性心肌梗死"}]}""");

        List<Map<String, Object>> routes = registry.get("/routes?from=" + group.centre()
                        + "&diagnosis=I21.9&careType=INPATIENT&limit=50")
                .exchange().expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(routes.get(0)).containsEntry("institutionId", group.lead()).containsEntry("tier", "ALLIANCE_LEAD")
                .containsEntry("inCatalog", true).containsEntry("matchedCode", "I21");
        assertThat(routes.get(0).get("explanation").toString()).contains("牵头医院", "温州市中西医结合医院城市医疗集团", "绣山");
        assertThat(routes.get(1)).containsEntry("institutionId", group.hub()).containsEntry("tier", "ALLIANCE_HUB");
        List<Object> outside = routes.stream().filter(r -> "OUTSIDE_ALLIANCE".equals(r.get("tier")))
                .map(r -> r.get("institutionId")).toList();
        assertThat(outside).contains(otherCity);
        assertThat(routes).extracting(r -> r.get("institutionId")).doesNotContain(group.centre()).doesNotHaveDuplicates();
        IntStream.range(0, routes.size()).forEach(i -> assertThat(routes.get(i).get("rank")).isEqualTo(i + 1));

        registry.get("/routes?from=no-such-centre&diagnosis=I21").exchange().expectStatus().isNotFound();
        registry.get("/routes?from=" + group.centre() + "&diagnosis=I2").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("diagnosis");
        registry.get("/routes?from=" + group.centre() + "&diagnosis=I21&limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    /** An urban group formed through the API and the institutions it was formed with. */
    private record UrbanGroup(String id, String lead, String hub, String centre) {
    }

    /**
     * An urban group led by a city hospital ({@code leadName}), with a district hospital as its hub and one 片区 of
     * 鹿城区 anchored by a community centre: each registered first.
     */
    private UrbanGroup anUrbanGroupWithAHub(String name, String leadName, String hubName, String cell,
                                            String centreName) {
        String lead = registry.create("/institutions", aCityHospital(leadName));
        String hub = registry.create("/institutions", aDistrictHospital(hubName));
        String centre = registry.create("/institutions", aCommunityCentre(centreName));
        String group = registry.create("/alliances", anUrbanGroup(name, lead, hub, "鹿城区", cell, centre));
        return new UrbanGroup(group, lead, hub, centre);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        registry.get("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/institutions/{id}'].put").exists()
                .jsonPath("$.paths['/alliances/common'].get").exists()
                .jsonPath("$.paths['/catalogs/eligibility'].get").exists()
                .jsonPath("$.paths['/contracts'].post").exists()
                .jsonPath("$.paths['/practitioners'].post").exists()
                .jsonPath("$.paths['/practitioners/{id}'].put").exists()
                .jsonPath("$.paths['/practitioners/{id}'].delete").exists()
                .jsonPath("$.paths['/practitioners/{id}/deactivation'].post").exists()
                .jsonPath("$.paths['/routes'].get").exists();
    }
}
