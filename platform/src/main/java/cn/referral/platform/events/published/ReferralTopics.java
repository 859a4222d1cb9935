package cn.referral.platform.events.published;

/**
 * The topic referral-service produces, {@code referral.events.v1} (keyed by referral id), and the {@code ce_type}
 * of each step of a referral's lifecycle on it: part of the published language of DESIGN §3, each payload
 * documented in docs/event-contracts.md ("referral.events.v1").
 *
 * <p>Declared once, here, for the producer and every consumer (quota, billing), so a renamed type cannot leave a
 * consumer silently skipping what it no longer recognises. Only the names are shared: each service still
 * declares the wire records it writes or reads (tolerant reader, no shared event jar). The consumers' binding
 * destinations in their {@code application.yaml} name the topic too: YAML cannot refer here.
 */
public final class ReferralTopics {

    public static final String REFERRAL_EVENTS = "referral.events.v1";

    public static final String SUBMITTED = "referral.submitted.v1";
    public static final String ACCEPTED = "referral.accepted.v1";
    public static final String REJECTED = "referral.rejected.v1";
    public static final String CANCELLED = "referral.cancelled.v1";
    public static final String EXPIRED = "referral.expired.v1";
    public static final String ESCALATED = "referral.escalated.v1";
    public static final String ARRIVED = "referral.arrived.v1";
    public static final String NO_SHOW = "referral.no-show.v1";
    public static final String COMPLETED = "referral.completed.v1";

    private ReferralTopics() {
    }
}
