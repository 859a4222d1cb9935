package cn.referral.quota.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.referral.platform.events.Traceparent;
import cn.referral.platform.testing.CloudEventRecords;

/** Plays referral-service (CloudEvents-headed records on {@code referral.events.v1}, keyed by referral) and registry-service's snapshots. */
final class ReferralEventsProducer implements AutoCloseable {

    static final String TOPIC = "referral.events.v1";

    private final KafkaProducer<String, byte[]> producer;

    ReferralEventsProducer(String brokers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    /** A submitted referral wanting an expert clinic slot at {@code institution}/{@code department} in the window. */
    static String submitted(String referralId, String institution, String department, String urgency,
                            boolean contracted, LocalDate from, LocalDate until, Instant acceptBy) {
        return "{\"referralId\":\"" + referralId + "\",\"direction\":\"UP\",\"careType\":\"OUTPATIENT\","
                + "\"urgency\":\"" + urgency + "\",\"fromInstitutionId\":\"wz-lucheng-chc\","
                + "\"toInstitutionId\":\"" + institution + "\",\"toDepartment\":\"" + department + "\","
                + "\"patientRef\":\"p-" + referralId + "\",\"contracted\":" + contracted + ","
                + "\"occurredAt\":\"2026-11-24T02:00:00Z\",\"referralVersion\":1,\"diagnosisCode\":\"I20.0\","
                + "\"requestedFrom\":\"" + from + "\",\"requestedUntil\":\"" + until + "\","
                + "\"acceptBy\":\"" + acceptBy + "\",\"someFieldAddedLater\":{\"x\":1}}";
    }

    /** The same, from {@code fromInstitution}, for the patient {@code patientRef}. */
    static String submittedFrom(String referralId, String fromInstitution, String patientRef, String institution,
                                String department, boolean contracted, LocalDate from, LocalDate until,
                                Instant acceptBy) {
        return submitted(referralId, institution, department, "ROUTINE", contracted, from, until, acceptBy)
                .replace("\"fromInstitutionId\":\"wz-lucheng-chc\"", "\"fromInstitutionId\":\"" + fromInstitution + "\"")
                .replace("\"patientRef\":\"p-" + referralId + "\"", "\"patientRef\":\"" + patientRef + "\"");
    }

    /** An event that only names the referral (accepted, expired): the fields every referral event carries. */
    static String about(String referralId) {
        return "{\"referralId\":\"" + referralId + "\",\"direction\":\"UP\",\"careType\":\"OUTPATIENT\","
                + "\"urgency\":\"ROUTINE\",\"referralVersion\":2}";
    }

    /** {@code referral.cancelled.v1} as referral-service writes it: the referring side withdrew it. */
    static String cancelled(String referralId) {
        return withReason(referralId, "PATIENT_DECLINED");
    }

    /** {@code referral.rejected.v1} as referral-service writes it: the target turned it down. */
    static String rejected(String referralId) {
        return withReason(referralId, "NO_CAPACITY");
    }

    private static String withReason(String referralId, String reasonCode) {
        return about(referralId).replace("}", ",\"reasonCode\":\"" + reasonCode + "\"}");
    }

    /** Sends with a fresh ce_id; returns it. */
    String send(String type, String referralId, String json) {
        String ceId = UUID.randomUUID().toString();
        send(type, referralId, json, ceId);
        return ceId;
    }

    void send(String type, String referralId, String json, String ceId) {
        sendTo(TOPIC, type, referralId, json, ceId, Traceparent.newRoot());
    }

    /** Sends as part of the trace {@code trace} (as referral-service's outbox does for the request that caused it). */
    void sendInTrace(String type, String referralId, String json, Traceparent trace) {
        sendTo(TOPIC, type, referralId, json, UUID.randomUUID().toString(), trace);
    }

    /** Plays registry-service: a snapshot on one of its compacted topics. */
    void sendSnapshot(String topic, String type, String key, String json) {
        sendTo(topic, type, key, json, UUID.randomUUID().toString(), Traceparent.newRoot());
    }

    private void sendTo(String topic, String type, String referralId, String json, String ceId, Traceparent trace) {
        CloudEventRecords.sendAndWait(producer, CloudEventRecords.record(topic, referralId, ceId, type,
                "/referral-service", Instant.now(), json, trace));
    }

    @Override
    public void close() {
        producer.close();
    }
}
