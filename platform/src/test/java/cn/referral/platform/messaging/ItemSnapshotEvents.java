package cn.referral.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

import cn.referral.platform.events.Traceparent;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.CloudEventRecords;

/** Item snapshots for the platform test app's consumer, as registry-service would send them: CloudEvents in Kafka headers. */
final class ItemSnapshotEvents {

    private ItemSnapshotEvents() {
    }

    /** A {@link PlatformTestApplication#ITEM_SNAPSHOT} keyed {@code key}; a null {@code json} is a tombstone, a null trace a new root. */
    static ProducerRecord<String, byte[]> itemSnapshot(String topic, String key, String ceId, Traceparent trace,
                                                       String json) {
        return CloudEventRecords.record(topic, key, ceId, PlatformTestApplication.ITEM_SNAPSHOT, "/registry-service",
                Instant.now(), json, trace == null ? Traceparent.newRoot() : trace);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
