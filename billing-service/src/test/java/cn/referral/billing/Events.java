package cn.referral.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.crypto.PatientDataProperties;
import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.testing.CloudEventRecords;
import cn.referral.platform.testing.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the other services would put on Kafka (registry snapshots, referral events — CloudEvents in
 * binary mode with a plain producer) and what billing really published on {@code billing.decisions.v1}
 * (read with a plain consumer outside any group).
 */
final class Events implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every accept books the target for 9:00 China time two days on: the admission day of the decision. */
    static final LocalDate ADMISSION_DAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2);
    static final Instant APPOINTMENT = ADMISSION_DAY.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toInstant();
    static final PatientDataCrypto CRYPTO = new PatientDataCrypto(
            new PatientDataProperties(TestKeys.DATA_KEY, TestKeys.PSEUDONYM_KEY));

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> decisions;
    private final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

    Events(String brokers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        decisions = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = decisions.partitionsFor("billing.decisions.v1", Duration.ofSeconds(30))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        decisions.assign(partitions);
        decisions.seekToBeginning(partitions);
    }

    // ---- registry snapshots ------------------------------------------------------------------------------

    void institution(String id, String level, String regionCode) {
        institution(id, level, regionCode, "Institution " + id, null);
    }

    /** With the name and 定点医药机构编号 the 转院备案 (2501) carries. */
    void institution(String id, String level, String regionCode, String name, String medinsCode) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("institutionId", id);
        snapshot.put("name", name);
        snapshot.put("medinsCode", medinsCode);
        snapshot.put("level", level);
        snapshot.put("kind", "GENERAL_HOSPITAL");
        snapshot.put("regionCode", regionCode);
        snapshot.put("active", true);
        snapshot.put("version", 1);
        send("registry.institutions.v1", "registry.institution.v1", id, UUID.randomUUID().toString(), snapshot);
    }

    void alliance(String id, String type, String regionCode, String... members) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("allianceId", id);
        snapshot.put("name", "Alliance " + id);
        snapshot.put("type", type);
        snapshot.put("regionCode", regionCode);
        snapshot.put("leadInstitutionIds", List.of(members[0]));
        snapshot.put("memberInstitutionIds", List.of(members));
        snapshot.put("grids", List.of());
        snapshot.put("active", true);
        snapshot.put("version", 1);
        send("registry.alliances.v1", "registry.alliance.v1", id, UUID.randomUUID().toString(), snapshot);
    }

    /** The registry removed institution {@code id}: a tombstone on its key. */
    void institutionRemoved(String id) {
        send("registry.institutions.v1", "registry.institution.v1", id, UUID.randomUUID().toString(), null);
    }

    /** The registry removed alliance {@code id}: a tombstone on its key. */
    void allianceRemoved(String id) {
        send("registry.alliances.v1", "registry.alliance.v1", id, UUID.randomUUID().toString(), null);
    }

    // ---- referral events ---------------------------------------------------------------------------------

    /** A {@code referral.accepted.v1} as referral-service sends it; returns its ce_id. */
    String accepted(Accept accept) {
        String ceId = UUID.randomUUID().toString();
        accepted(accept, ceId);
        return ceId;
    }

    void accepted(Accept accept, String ceId) {
        Map<String, Object> body = common(accept.referralId(), accept.direction(), accept.careType(), accept.from(),
                accept.to());
        body.put("appointmentAt", APPOINTMENT.toString());
        body.put("acceptedAt", Instant.now().toString());
        body.put("insurance", Map.of("scheme", accept.scheme(), "regionCode", accept.region(),
                "insuredPersonNoSealed", CRYPTO.seal(accept.insuredPersonNo(),
                        new SealContext("referrals", accept.referralId(), "patient.insuredPersonNo"))));
        if (accept.eligibility() != null) {
            body.put("eligibility", accept.eligibility());
        }
        Map<String, Object> episode = new HashMap<>();
        if (accept.alreadyPaidFen() != null) {
            episode.put("admissionDate", ADMISSION_DAY.minusDays(5).toString());
            episode.put("deductiblePaidFen", accept.alreadyPaidFen());
            if (accept.dischargedDaysBefore() != null) {
                episode.put("dischargedOn", ADMISSION_DAY.minusDays(accept.dischargedDaysBefore()).toString());
            }
        }
        body.put("sourceEpisode", episode.isEmpty() ? null : episode);
        body.put("diagnosisCode", "I21.0");
        body.put("diagnosisName", "急性前壁心肌梗死");
        body.put("reason", "需介入治疗");
        body.put("clinicalSummary", "胸痛 2 小时, 心电图 ST 段抬高");
        send("referral.events.v1", "referral.accepted.v1", accept.referralId(), ceId, body);
    }

    void noShow(String referralId) {
        Map<String, Object> body = common(referralId, "UP", "INPATIENT", "x", "y");
        body.put("appointmentAt", Instant.now().toString());
        send("referral.events.v1", "referral.no-show.v1", referralId, UUID.randomUUID().toString(), body);
    }

    void cancelled(String referralId) {
        Map<String, Object> body = common(referralId, "UP", "INPATIENT", "x", "y");
        body.put("reasonCode", "PATIENT_DECLINED");
        send("referral.events.v1", "referral.cancelled.v1", referralId, UUID.randomUUID().toString(), body);
    }

    private static Map<String, Object> common(String referralId, String direction, String careType, String from,
                                              String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referralId", referralId);
        body.put("direction", direction);
        body.put("careType", careType);
        body.put("urgency", "ROUTINE");
        body.put("fromInstitutionId", from);
        body.put("toInstitutionId", to);
        body.put("toDepartment", "内科");
        body.put("patientRef", CRYPTO.pseudonym("110101199003074514"));
        body.put("contracted", false);
        body.put("occurredAt", Instant.now().toString());
        body.put("referralVersion", 3);
        return body;
    }

    /** Sends a CloudEvent in binary mode; a {@code null} body is a tombstone. */
    private void send(String topic, String type, String key, String ceId, Object body) {
        CloudEventRecords.sendAndWait(producer, CloudEventRecords.record(topic, key, ceId, type,
                CloudEventRecords.sourceOf(topic), Instant.now(), body == null ? null : JSON.writeValueAsString(body),
                null));
    }

    // ---- what billing published --------------------------------------------------------------------------

    /** Every deductible decision record billing published so far for {@code referralId}, in order. */
    List<Published> publishedFor(String referralId) {
        return everythingFor(referralId).stream().filter(Published::isDecision).toList();
    }

    /** Every 转院备案 (2501 / 2502) record billing published so far for {@code referralId}, in order. */
    List<Published> filingsFor(String referralId) {
        return everythingFor(referralId).stream().filter(record -> !record.isDecision()).toList();
    }

    /** Every record billing published so far for {@code referralId}, decisions and filings, in order. */
    List<Published> everythingFor(String referralId) {
        decisions.poll(Duration.ofMillis(300)).forEach(published::add);
        return published.stream().filter(record -> referralId.equals(record.key())).map(Published::of).toList();
    }

    /** Every deductible decision record billing published so far. */
    List<Published> allPublished() {
        decisions.poll(Duration.ofMillis(300)).forEach(published::add);
        return published.stream().map(Published::of).filter(Published::isDecision).toList();
    }

    @Override
    public void close() {
        producer.close();
        decisions.close();
    }

    /**
     * A {@code referral.accepted.v1}; {@code dischargedDaysBefore}: days from the source discharge to the
     * admission (null: the episode names no discharge day); {@code eligibility}: CATALOG, OVERRIDE or null
     * (an older producer that does not say).
     */
    record Accept(String referralId, String region, String scheme, String direction, String careType, String from,
                  String to, Long alreadyPaidFen, String insuredPersonNo, Integer dischargedDaysBefore,
                  String eligibility) {

        /** A catalog referral whose source stay, if any, ends on the admission day. */
        Accept(String referralId, String region, String scheme, String direction, String careType, String from,
               String to, Long alreadyPaidFen, String insuredPersonNo) {
            this(referralId, region, scheme, direction, careType, from, to, alreadyPaidFen, insuredPersonNo, 0,
                    "CATALOG");
        }

        /** The same accept for another referral. */
        Accept withReferralId(String id) {
            return new Accept(id, region, scheme, direction, careType, from, to, alreadyPaidFen,
                    insuredPersonNo, dischargedDaysBefore, eligibility);
        }

        Accept discharged(Integer daysBefore) {
            return new Accept(referralId, region, scheme, direction, careType, from, to, alreadyPaidFen,
                    insuredPersonNo, daysBefore, eligibility);
        }

        Accept eligibility(String how) {
            return new Accept(referralId, region, scheme, direction, careType, from, to, alreadyPaidFen,
                    insuredPersonNo, dischargedDaysBefore, how);
        }
    }

    record Published(String key, String type, String ceId, JsonNode body) {

        static Published of(ConsumerRecord<String, byte[]> record) {
            return new Published(record.key(), text(record, CloudEventHeaders.TYPE), text(record, CloudEventHeaders.ID),
                    JSON.readTree(record.value()));
        }

        boolean isDecision() {
            return type.startsWith("billing.deductible-decision-");
        }

        Long fen(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asLong();
        }

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        private static String text(ConsumerRecord<?, ?> record, String header) {
            var value = record.headers().lastHeader(header);
            return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
        }
    }
}
