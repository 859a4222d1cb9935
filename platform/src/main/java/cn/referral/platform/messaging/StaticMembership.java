package cn.referral.platform.messaging;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

/**
 * Gives every consumer of a binding a {@code group.instance.id}: static group membership. A
 * restarted instance that comes back with the same id within the session timeout takes its
 * partitions back at once, with no rebalance and no wait for the dead member's session to run
 * out (a kill -9 otherwise leaves its partitions unserved for the whole session timeout).
 * <p>
 * The id is {@code <instance>-<binding>}; the listener container adds {@code -<n>} per consumer
 * when a binding runs several. {@code instance} must be unique among the running instances of
 * the service and the same when one of them restarts: {@code INSTANCE_ID} if set (a StatefulSet
 * pod name, a compose service replica name), otherwise the host name with the HTTP port
 * ({@code referral-service-host-8082}), which is unique per host and stable across a restart on
 * the same port. With a random port (tests running several instances in one JVM) there is nothing
 * stable to take, so each application context gets a random id, distinct by construction.
 * <p>
 * The price of static membership: a member that leaves for good (scaled down, restarted under a
 * new id) keeps its partitions until its session times out, so the session timeout is short
 * ({@code session.timeout.ms}, platform default 10 s).
 */
public class StaticMembership implements ConsumerConfigCustomizer {

    private final String instance;

    public StaticMembership(String instance) {
        this.instance = instance;
    }

    @Override
    public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
        if (!consumerProperties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            consumerProperties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance + "-" + bindingName);
        }
    }

    public String instance() {
        return instance;
    }
}
