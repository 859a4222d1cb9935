package cn.referral.referral.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.PatientDataProperties;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.CloudEventRecords;
import cn.referral.platform.testing.MutableClock;
import cn.referral.platform.testing.TestKeys;
import cn.referral.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outside world of referral-service in one JVM: the registry's snapshots and quota's answers
 * published as plain CloudEvents records, referral.events.v1 read with a plain consumer, the API
 * called over HTTP with test tokens. Demo institutions: the Wenzhou city hospital (TERTIARY), the
 * Nan'an county hospital (SECONDARY), two primary institutions and a closed hospital; a family doctor of each
 * primary institution and a specialist of the city hospital.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReferralItSupport {

    public static final String CITY_HOSPITAL = "wz-wmu-first-hospital";
    public static final String COUNTY_HOSPITAL = "na-county-hospital";
    public static final String NANHUI_CENTRE = "wz-lucheng-nanhui-chc";
    public static final String SHIJING_CENTRE = "na-shijing-thc";
    public static final String CLOSED_HOSPITAL = "wz-closed-hospital";
    public static final String NAN_AN_COMMUNITY = "na-county-medical-community";
    /** The family doctor (全科医生) of the Nanhui centre, who takes over the patients sent down to it. */
    public static final String NANHUI_FAMILY_DOCTOR = "dr-zhou";
    public static final String SHIJING_FAMILY_DOCTOR = "na-shijing-gp-1";
    public static final String CITY_NEUROLOGIST = "dr-lin";
    public static final String EVENTS = "referral.events.v1";

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final PatientDataCrypto CRYPTO = new PatientDataCrypto(
            new PatientDataProperties(TestKeys.DATA_KEY, TestKeys.PSEUDONYM_KEY));

    /** Who acts in the journeys: a role at one of the demo institutions. */
    protected final String centreDoctor = token(Role.PRIMARY_DOCTOR, NANHUI_CENTRE);
    protected final String shijingDoctor = token(Role.PRIMARY_DOCTOR, SHIJING_CENTRE);
    protected final String cityDesk = token(Role.REFERRAL_DESK, CITY_HOSPITAL);
    protected final String cityDoctor = token(Role.HOSPITAL_DOCTOR, CITY_HOSPITAL);
    protected final String countyDesk = token(Role.REFERRAL_DESK, COUNTY_HOSPITAL);
    protected final String countyDoctor = token(Role.HOSPITAL_DOCTOR, COUNTY_HOSPITAL);
    protected final String auditor = token(Role.AUDITOR, null);

    @Value("${local.server.port}")
    private int port;
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;
    @Autowired
    protected ReactiveMongoTemplate mongo;
    @Autowired
    protected MutableClock clock;

    protected WebTestClient http;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> eventReader;
    private final List<ConsumerRecord<String, byte[]>> eventsSeen = new ArrayList<>();

    @BeforeAll
    void connect() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
        eventReader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        publishTheNetwork();
    }

    @AfterAll
    void disconnect() {
        producer.close(Duration.ofSeconds(5));
        eventReader.close(Duration.ofSeconds(5));
    }

    // ---- the registry's snapshots

    private void publishTheNetwork() {
        institution(CITY_HOSPITAL, "温州医科大学附属第一医院", "TERTIARY", "330302", List.of("心血管内科", "神经内科"), true);
        institution(COUNTY_HOSPITAL, "南安市医院", "SECONDARY", "350583", List.of("心血管内科", "神经内科", "内分泌科"), true);
        institution(NANHUI_CENTRE, "南汇街道社区卫生服务中心", "PRIMARY", "330302", List.of("全科"), true);
        institution(SHIJING_CENTRE, "石井镇卫生院", "PRIMARY", "350583", List.of("全科"), true);
        institution(CLOSED_HOSPITAL, "已停业医院", "TERTIARY", "330302", List.of(), false);
        catalog("up-tertiary", "UP", "TERTIARY", List.of("I63", "I21", "C34"));
        catalog("up-secondary", "UP", "SECONDARY", List.of("I63", "I10", "E11"));
        catalog("down-primary", "DOWN", "PRIMARY", List.of("I63", "I10", "E11"));
        publish("registry.alliances.v1", NAN_AN_COMMUNITY, "registry.alliance.v1", Map.of(
                "allianceId", NAN_AN_COMMUNITY, "name", "南安市总医院医共体", "type", "COUNTY_MEDICAL_COMMUNITY",
                "memberInstitutionIds", List.of(COUNTY_HOSPITAL, SHIJING_CENTRE), "active", true, "version", 1));
        practitioner(NANHUI_FAMILY_DOCTOR, NANHUI_CENTRE, "GENERAL_PRACTITIONER");
        practitioner(SHIJING_FAMILY_DOCTOR, SHIJING_CENTRE, "GENERAL_PRACTITIONER");
        practitioner(CITY_NEUROLOGIST, CITY_HOSPITAL, "SPECIALIST");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("institution_view") == 5
                && count("catalog_view") == 3 && count("alliance_view") == 1 && count("practitioner_view") == 3);
    }

    /** The registry's snapshot of a practitioner in service at {@code institutionId}, as registry-service sends it. */
    private void practitioner(String id, String institutionId, String role) {
        practitioner(id, institutionId, role, true, 1);
    }

    /**
     * The registry's snapshot of practitioner {@code id} at {@code version}, as registry-service sends it after a
     * registration, a revision ({@code role}) or a deactivation ({@code active} false), without waiting for it.
     */
    protected void practitioner(String id, String institutionId, String role, boolean active, long version) {
        publish("registry.practitioners.v1", id, "registry.practitioner.v1", Map.of("practitionerId", id,
                "institutionId", institutionId, "role", role, "active", active, "version", version));
    }

    /** The registry removed practitioner {@code id}: a tombstone on its key. */
    protected void practitionerRemoved(String id) {
        publish("registry.practitioners.v1", id, "registry.practitioner.v1", null);
    }

    /** Waits until referral-service's view holds practitioner {@code id} at {@code version}, or none for 0. */
    protected void awaitPractitionerView(String id, long version) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> version == mongo.findOne(byId, Document.class,
                "practitioner_view").map(held -> ((Number) held.get("version")).longValue()).defaultIfEmpty(0L)
                .block(Duration.ofSeconds(5)));
    }

    private void institution(String id, String name, String level, String region, List<String> departments,
                             boolean active) {
        publish("registry.institutions.v1", id, "registry.institution.v1", Map.of("institutionId", id, "name", name,
                "organisationCode", "12330300MB0000000" + id.length(), "level", level, "kind", "GENERAL_HOSPITAL",
                "regionCode", region, "departments", departments, "gridArea", "", "active", active, "version", 1));
    }

    private void catalog(String id, String direction, String level, List<String> codes) {
        publish("registry.catalogs.v1", id, "registry.catalog.v1", Map.of("catalogId", id, "name", id,
                "direction", direction, "targetLevel", level, "version", 1, "effectiveFrom", "2020-01-01",
                "active", true, "entries", codes.stream().map(code -> Map.of("code", code, "name", code,
                        "careTypes", List.of())).toList()));
    }

    /** A family-doctor contract of the patient with this identity number, at {@code primary}. */
    protected void contract(String idNumber, String primary) {
        String ref = CRYPTO.pseudonym(idNumber);
        contract("c-" + ref.substring(0, 8), idNumber, primary, 1);
        awaitContractView("c-" + ref.substring(0, 8), true);
    }

    /** Publishes contract {@code contractId} (version {@code version}) of the patient, without waiting for it. */
    protected void contract(String contractId, String idNumber, String primary, long version) {
        publish("registry.contracts.v1", contractId, "registry.contract.v1", Map.of("contractId", contractId,
                "patientRef", CRYPTO.pseudonym(idNumber), "primaryInstitutionId", primary,
                "districtHospitalId", COUNTY_HOSPITAL, "cityHospitalId", CITY_HOSPITAL, "familyDoctorId",
                NANHUI_FAMILY_DOCTOR,
                "validFrom", "2020-01-01", "validUntil", "2099-12-31", "active", true, "version", version));
    }

    /** The registry removed contract {@code contractId}: a tombstone on its key. */
    protected void contractRemoved(String contractId) {
        publish("registry.contracts.v1", contractId, "registry.contract.v1", null);
    }

    /** Waits until referral-service's view holds (or no longer holds) contract {@code contractId}. */
    protected void awaitContractView(String contractId, boolean held) {
        await().atMost(Duration.ofSeconds(30)).until(() -> held == mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(contractId)),
                "contract_view").block(Duration.ofSeconds(5)));
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments()))
                .block(Duration.ofSeconds(5));
    }

    // ---- CloudEvents on Kafka

    /** Publishes a CloudEvent (binary mode; a {@code null} payload is a tombstone) and returns its ce_id. */
    protected String publish(String topic, String key, String type, Object payload) {
        return publish(topic, key, type, payload, UUID.randomUUID().toString());
    }

    /** Publishes with a given ce_id: the same id again is a redelivery. */
    protected String publish(String topic, String key, String type, Object payload, String eventId) {
        CloudEventRecords.sendAndWait(producer, CloudEventRecords.record(topic, key, eventId, type,
                CloudEventRecords.sourceOf(topic), clock.instant(),
                payload == null ? null : JSON.writeValueAsString(payload), null));
        return eventId;
    }

    protected String slotHeld(String referralId, String holdId, String institutionId) {
        return publish("quota.events.v1", referralId, "quota.slot-held.v1", slotHeldPayload(referralId, holdId,
                institutionId));
    }

    protected static Map<String, Object> slotHeldPayload(String referralId, String holdId, String institutionId) {
        return Map.of("referralId", referralId, "holdId", holdId, "poolId", "pool-" + institutionId,
                "institutionId", institutionId, "department", "神经内科", "resource", "EXPERT_CLINIC",
                "date", "2030-01-01", "session", "MORNING", "expiresAt", "2030-01-01T00:00:00Z", "greenChannel", false);
    }

    /** The referral.events.v1 records of one referral so far, oldest first, once at least {@code atLeast} arrived. */
    protected List<ConsumerRecord<String, byte[]>> eventsOf(String referralId, int atLeast) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            readNewEvents();
            return eventsSeen.stream().filter(r -> referralId.equals(r.key())).toList();
        }, records -> records.size() >= atLeast);
    }

    protected List<String> eventTypesOf(String referralId, int atLeast) {
        return eventsOf(referralId, atLeast).stream().map(r -> header(r, "ce_type")).toList();
    }

    protected JsonNode event(String referralId, String type) {
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(() -> {
            readNewEvents();
            return eventsSeen.stream().filter(r -> referralId.equals(r.key()) && type.equals(header(r, "ce_type")))
                    .findFirst().orElse(null);
        }, found -> found != null);
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    private void readNewEvents() {
        if (eventReader.assignment().isEmpty()) {
            List<TopicPartition> partitions = eventReader.partitionsFor(EVENTS, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(EVENTS, p.partition())).toList();
            eventReader.assign(partitions);
            eventReader.seekToBeginning(partitions);
        }
        eventReader.poll(Duration.ofMillis(100)).forEach(eventsSeen::add);
    }

    protected static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---- patients and requests

    /** A valid identity number (GB 11643 check character) for test patient {@code n}. */
    protected static String idNumber(int n) {
        String first17 = "3303021960" + String.format("%07d", n);
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
    }

    protected Map<String, Object> patient(String idNumber) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("name", "林秀英");
        patient.put("gender", "FEMALE");
        patient.put("birthDate", "1960-03-01");
        patient.put("idNumber", idNumber);
        patient.put("insuredPersonNo", "33030200" + idNumber.substring(12, 17));
        patient.put("insuranceScheme", "RESIDENT");
        patient.put("insuranceRegionCode", "330302");
        patient.put("phone", "13800001111");
        return patient;
    }

    /** An up-referral from {@code from} to {@code to} (神经内科) for stroke, in the catalog. */
    protected Map<String, Object> upReferral(String idNumber, String from, String to, String urgency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "UP");
        body.put("careType", "OUTPATIENT");
        body.put("urgency", urgency);
        body.put("patient", patient(idNumber));
        body.put("diagnosis", Map.of("code", "I63.9", "name", "脑梗死"));
        body.put("reason", "疑似脑梗死, 需上级医院明确诊断");
        body.put("clinicalSummary", "右侧肢体无力 3 天");
        body.put("fromInstitutionId", from);
        body.put("fromDepartment", "全科");
        body.put("toInstitutionId", to);
        body.put("toDepartment", "神经内科");
        body.put("requestedFrom", today().toString());
        body.put("requestedUntil", today().plusDays(14).toString());
        return body;
    }

    // ---- HTTP

    protected static String token(Role role, String institution) {
        return TestTokens.token(role, institution);
    }

    protected EntityExchangeResult<String> submit(String token, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = http.post().uri("/referrals")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
    }

    /** Submits and returns the new referral's id; fails unless it was created. */
    protected String submitted(String token, Object body) {
        EntityExchangeResult<String> result = submit(token, body, null);
        if (result.getStatus().value() != 201) {
            throw new AssertionError("not created: " + result.getStatus() + " " + result.getResponseBody());
        }
        return json(result).get("id").asString();
    }

    protected EntityExchangeResult<String> get(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectBody(String.class).returnResult();
    }

    protected JsonNode referral(String id, String token) {
        EntityExchangeResult<String> result = get("/referrals/" + id, token);
        if (result.getStatus().value() != 200) {
            throw new AssertionError("cannot read " + id + ": " + result.getStatus() + " " + result.getResponseBody());
        }
        return json(result);
    }

    protected JsonNode awaitState(String id, String token, String state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> referral(id, token), r -> state.equals(r.get("state").asString()));
    }

    protected String etag(String id, String token) {
        return get("/referrals/" + id, token).getResponseHeaders().getETag();
    }

    protected EntityExchangeResult<String> act(String id, String action, String token, String ifMatch, Object body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/referrals/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return (body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()).expectBody(String.class).returnResult();
    }

    protected static JsonNode json(EntityExchangeResult<String> result) {
        return JSON.readTree(result.getResponseBody());
    }

    /** The ids of the referrals a page (a worklist) lists, in its order. */
    protected static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** Those of {@code referralIds} that a page lists, in the page's order. */
    protected static List<String> inPageOrder(JsonNode page, List<String> referralIds) {
        return ids(page).stream().filter(referralIds::contains).toList();
    }
}
