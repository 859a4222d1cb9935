package cn.referral.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * When this instance was given each partition it consumes. The group coordinator hands a partition to a
 * consumer only once its previous owner has given it up (revoked it after finishing the record in hand) or
 * has been removed from the group (its session ran out: it crashed). So an inbox claim on an event of this
 * partition that was made before this instance got the partition belongs to an owner that no longer consumes
 * it, and the {@code Inbox} takes it over at once instead of waiting out its lease: with two replicas, the
 * survivor of a crash serves the dead one's partitions when the session timeout gives them to it, not a
 * lease later. One bean per service; the Kafka binder calls it on every rebalance of every binding.
 */
public class PartitionAssignments implements KafkaBindingRebalanceListener {

    private final Clock clock;
    private final Map<TopicPartition, Instant> assignedAt = new ConcurrentHashMap<>();

    public PartitionAssignments(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions, boolean initial) {
        Instant now = clock.instant();
        partitions.forEach(partition -> assignedAt.put(partition, now));
    }

    @Override
    public void onPartitionsRevokedAfterCommit(String bindingName, Consumer<?, ?> consumer,
                                               Collection<TopicPartition> partitions) {
        partitions.forEach(assignedAt::remove);
    }

    /** When this instance was given the partition {@code message} was read from; null if it does not say. */
    public Instant assignedAt(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        Object topic = headers.get(KafkaHeaders.RECEIVED_TOPIC);
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        if (!(topic instanceof String name) || !(partition instanceof Integer number)) {
            return null;
        }
        return assignedAt.get(new TopicPartition(name, number));
    }
}
