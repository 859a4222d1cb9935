package cn.referral.quota.application.port.in;

/** What the ledger did with a submitted referral. */
public enum Placement {
    HELD,
    HELD_IN_GREEN_CHANNEL,
    WAITLISTED,
    UNAVAILABLE,
    /** a redelivery: the referral was placed before */
    ALREADY_PLACED,
    /** the referral was closed before it could be placed */
    CLOSED,
    /** another delivery of the referral is placing it right now: try again later */
    IN_PROGRESS
}
