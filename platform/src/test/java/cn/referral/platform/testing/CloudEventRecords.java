package cn.referral.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.Traceparent;

/**
 * A CloudEvent as the services put it on Kafka (binary content mode: the attributes in {@code ce_*} headers, the
 * JSON data as the value, the key as the subject), for the tests that play another service.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** The ce_source of a service's events: {@code /<first part of the topic>-service} (referral.events.v1: /referral-service). */
    public static String sourceOf(String topic) {
        return "/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }

    /** The record; a null {@code json} is a tombstone, a null {@code trace} sends no traceparent. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String ceId, String type,
                                                        String source, Instant time, String json, Traceparent trace) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json == null ? null : bytes(json));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, ceId);
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (trace != null) {
            header(record, CloudEventHeaders.TRACEPARENT, trace.header());
        }
        return record;
    }

    /** Sends the record and waits until the broker has it. */
    public static void sendAndWait(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, bytes(value)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
