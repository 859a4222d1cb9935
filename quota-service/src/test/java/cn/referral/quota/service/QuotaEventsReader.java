package cn.referral.quota.service;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.testing.KafkaRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What quota-service published on {@code quota.events.v1}, as another service would read it. */
final class QuotaEventsReader {

    static final String TOPIC = "quota.events.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Published(String key, String type, String ceId, JsonNode payload, String traceparent) {
    }

    private final String brokers;

    QuotaEventsReader(String brokers) {
        this.brokers = brokers;
    }

    List<Published> all() {
        List<ConsumerRecord<String, byte[]>> records = KafkaRecords.read(brokers, TOPIC, Integer.MAX_VALUE,
                Duration.ofMillis(500));
        return records.stream().map(record -> new Published(record.key(),
                KafkaRecords.header(record, CloudEventHeaders.TYPE), KafkaRecords.header(record, CloudEventHeaders.ID),
                JSON.readTree(KafkaRecords.value(record)), KafkaRecords.header(record, CloudEventHeaders.TRACEPARENT)))
                .toList();
    }

    List<Published> about(String key) {
        return all().stream().filter(published -> key.equals(published.key())).toList();
    }

    List<String> typesAbout(String key) {
        return about(key).stream().map(Published::type).toList();
    }
}
