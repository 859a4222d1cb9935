package cn.referral.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.Traceparent;
import cn.referral.platform.testapp.PlatformTestApplication;

/** Item snapshots for the platform test app's consumer, as registry-service would send them: CloudEvents in Kafka headers. */
final class ItemSnapshotEvents {

    private ItemSnapshotEvents() {
    }

    /** A {@link PlatformTestApplication#ITEM_SNAPSHOT} keyed {@code key}; a null {@code json} is a tombstone, a null trace a new root. */
    static ProducerRecord<String, byte[]> itemSnapshot(String topic, String key, String ceId, Traceparent trace,
                                                       String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json == null ? null : bytes(json));
        record.headers().add(new RecordHeader(CloudEventHeaders.SPEC_VERSION, bytes("1.0")));
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, bytes(ceId)));
        record.headers().add(new RecordHeader(CloudEventHeaders.SOURCE, bytes("/registry-service")));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, bytes(PlatformTestApplication.ITEM_SNAPSHOT)));
        record.headers().add(new RecordHeader(CloudEventHeaders.TIME, bytes(Instant.now().toString())));
        record.headers().add(new RecordHeader(CloudEventHeaders.SUBJECT, bytes(key)));
        record.headers().add(new RecordHeader(CloudEventHeaders.CONTENT_TYPE, bytes("application/json")));
        record.headers().add(new RecordHeader(CloudEventHeaders.TRACEPARENT,
                bytes((trace == null ? Traceparent.newRoot() : trace).header())));
        return record;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
