package cn.referral.platform.outbox;

/** Field names an aggregate document uses for its outbox. */
public final class OutboxFields {

    /** Array of {@link cn.referral.platform.events.OutboxEvent}, oldest first. */
    public static final String OUTBOX = "outbox";
    /**
     * {@code {owner, instance, until}}: which relay run is publishing this document's outbox, of which service
     * instance (absent when it has none), and until when.
     */
    public static final String LEASE = "outboxLease";
    /** The stored name of {@link cn.referral.platform.events.OutboxEvent#eventId()} inside the array. */
    public static final String EVENT_ID = "eventId";

    private OutboxFields() {
    }
}
