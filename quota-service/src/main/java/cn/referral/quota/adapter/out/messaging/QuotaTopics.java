package cn.referral.quota.adapter.out.messaging;

/** The topic quota-service produces and its event types (docs/event-contracts.md). */
public final class QuotaTopics {

    public static final String EVENTS = "quota.events.v1";
    public static final String SLOT_HELD = "quota.slot-held.v1";
    public static final String WAITLISTED = "quota.waitlisted.v1";
    public static final String UNAVAILABLE = "quota.unavailable.v1";
    public static final String SLOT_CONFIRMED = "quota.slot-confirmed.v1";
    public static final String SLOT_RELEASED = "quota.slot-released.v1";
    public static final String RESERVE_RELEASED = "quota.reserve-released.v1";

    private QuotaTopics() {
    }
}
