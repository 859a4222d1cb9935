package cn.referral.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import cn.referral.platform.testing.MutableClock;

class PartitionAssignmentsTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final PartitionAssignments assignments = new PartitionAssignments(clock);

    @Test
    void aRecordSaysWhenThisInstanceWasGivenItsPartition() {
        assignments.onPartitionsAssigned("referralEvents-in-0", null, List.of(new TopicPartition("referral.events.v1", 0),
                new TopicPartition("referral.events.v1", 1)), true);
        clock.advance(Duration.ofSeconds(12));
        assignments.onPartitionsAssigned("referralEvents-in-0", null, List.of(new TopicPartition("referral.events.v1", 2)),
                false);

        assertThat(assignments.assignedAt(record("referral.events.v1", 0))).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(assignments.assignedAt(record("referral.events.v1", 2))).isEqualTo(Instant.parse("2026-11-26T08:00:12Z"));
    }

    @Test
    void aRevokedPartitionOrAMessageWithoutOneHasNoAssignment() {
        TopicPartition partition = new TopicPartition("referral.events.v1", 0);
        assignments.onPartitionsAssigned("referralEvents-in-0", null, List.of(partition), true);
        assignments.onPartitionsRevokedAfterCommit("referralEvents-in-0", null, List.of(partition));

        assertThat(assignments.assignedAt(record("referral.events.v1", 0))).isNull();
        assertThat(assignments.assignedAt(MessageBuilder.withPayload(new byte[0]).build())).isNull();
    }

    private static Message<byte[]> record(String topic, int partition) {
        return MessageBuilder.withPayload(new byte[0]).setHeader(KafkaHeaders.RECEIVED_TOPIC, topic)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition).build();
    }
}
