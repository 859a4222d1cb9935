package cn.referral.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  collections whose documents carry an {@code outbox} array
 * @param pollInterval how often the relay looks for unpublished events
 * @param lease        how long a claim on a document lasts; a relay that dies mid-publish
 *                     leaves it to another replica after this
 * @param batchSize    documents a relay publishes per collection per poll
 * @param sendTimeout  how long to wait for the broker's acknowledgement
 * @param enabled      whether this instance runs a relay
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration lease, Integer batchSize,
                               Duration sendTimeout, Boolean enabled) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        batchSize = batchSize == null ? 100 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }
}
