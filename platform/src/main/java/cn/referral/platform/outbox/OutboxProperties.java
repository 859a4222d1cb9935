package cn.referral.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections    collections whose documents carry an {@code outbox} array
 * @param pollInterval   how often the relay looks for unpublished events even when no write woke it
 *                       (the safety net: writes of other replicas, a missed wake-up, a failed pass)
 * @param lease          how long a claim on a document lasts; a relay that dies mid-publish leaves it to
 *                       another replica after this. Must be longer than twice the send timeout, see below
 * @param batchSize      documents a relay claims in one pass before it looks again whether there is
 *                       more work (a pass goes on while every claim found a document)
 * @param concurrency    documents a relay publishes side by side (each claimed by its own atomic update)
 * @param sendTimeout    how long the broker has to acknowledge a document's events; also the outbox
 *                       producer's {@code delivery.timeout.ms}, so a record given up on is never
 *                       delivered later
 * @param eventsPerClaim at most this many events of one document are sent under one claim (the oldest);
 *                       the rest stay in the outbox for the next claim, which follows at once
 * @param wakeOnWrite    whether a write that appends outbox events starts a relay pass at once
 *                       ({@link OutboxWriteListener}); otherwise only the poll interval does
 * @param enabled        whether this instance runs a relay
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration lease, Integer batchSize,
                               Integer concurrency, Duration sendTimeout, Integer eventsPerClaim, Boolean wakeOnWrite,
                               Boolean enabled) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        lease = lease == null ? sendTimeout.multipliedBy(2).plusSeconds(10) : lease;
        batchSize = batchSize == null ? 100 : batchSize;
        concurrency = concurrency == null ? 4 : Math.max(1, concurrency);
        eventsPerClaim = eventsPerClaim == null ? 100 : eventsPerClaim;
        wakeOnWrite = wakeOnWrite == null ? Boolean.TRUE : wakeOnWrite;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        // A claim's sends may start up to sendTimeout after the claim (all its events under one timeout) and a
        // record handed to the producer can still land up to sendTimeout after that (delivery.timeout.ms). Only
        // then may another relay take the document over, or its copies could land between the first relay's.
        if (lease.compareTo(sendTimeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("platform.outbox.lease (" + lease + ") must be longer than twice "
                    + "platform.outbox.send-timeout (" + sendTimeout + "): a second relay must not resend a "
                    + "document while the first one's records can still reach the broker");
        }
    }

    /** Properties for tests and tools: the given collections, everything else the defaults. */
    public static OutboxProperties of(List<String> collections, Duration pollInterval, Duration lease,
                                      Duration sendTimeout) {
        return new OutboxProperties(collections, pollInterval, lease, null, null, sendTimeout, null, null, null);
    }
}
