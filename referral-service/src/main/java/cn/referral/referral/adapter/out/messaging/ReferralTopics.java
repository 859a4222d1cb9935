package cn.referral.referral.adapter.out.messaging;

/** The topic referral-service produces and its event types (docs/event-contracts.md, referral.events.v1). */
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
