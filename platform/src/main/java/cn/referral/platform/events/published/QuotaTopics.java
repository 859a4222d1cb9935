package cn.referral.platform.events.published;

/**
 * The topic quota-service produces, {@code quota.events.v1} (keyed by referral id, pool events by pool id), and
 * the {@code ce_type} of its answers in the slot saga: part of the published language of DESIGN §3, each payload
 * documented in docs/event-contracts.md ("quota.events.v1").
 *
 * <p>Declared once, here, for the producer and its consumer (referral), so a renamed type cannot leave the saga
 * silently skipping an answer. Only the names are shared: each service still declares the wire records it writes
 * or reads (tolerant reader, no shared event jar). Referral's binding destination in its {@code application.yaml}
 * names the topic too: YAML cannot refer here.
 */
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
