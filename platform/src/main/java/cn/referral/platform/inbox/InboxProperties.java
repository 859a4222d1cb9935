package cn.referral.platform.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collection     where processed event ids are recorded
 * @param processingLease how long a started but unfinished handling blocks a redelivery (a
 *                       consumer that crashed mid-effect is retried after this). Longer than the
 *                       handler timeout ({@code platform.messaging.handler-timeout}), so a live
 *                       handler is never overtaken; short, because a redelivery of a crashed
 *                       consumer's event waits this long
 * @param retention      how long a finished event id is kept to recognise redeliveries
 * @param purgeInterval  how often finished ids older than the retention are removed
 */
@ConfigurationProperties("platform.inbox")
public record InboxProperties(String collection, Duration processingLease, Duration retention, Duration purgeInterval) {

    public InboxProperties {
        collection = collection == null ? "inbox" : collection;
        processingLease = processingLease == null ? Duration.ofSeconds(30) : processingLease;
        retention = retention == null ? Duration.ofDays(30) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
    }
}
