package cn.referral.referral.domain.referral;

import java.time.Instant;

/**
 * Something that happened to a referral, in domain words. {@code version} is the referral's
 * version right after it; the messaging adapter maps each to its {@code referral.*.v1} message.
 */
public sealed interface ReferralEvent {

    Instant occurredAt();

    long version();

    record Submitted(Instant occurredAt, long version, Instant acceptBy) implements ReferralEvent {
    }

    record Accepted(Instant occurredAt, long version, Instant appointmentAt) implements ReferralEvent {
    }

    record Rejected(Instant occurredAt, long version, RejectReason reason, String note) implements ReferralEvent {
    }

    record Cancelled(Instant occurredAt, long version, CancelReason reason) implements ReferralEvent {
    }

    record Escalated(Instant occurredAt, long version, Instant deadline) implements ReferralEvent {
    }

    record Expired(Instant occurredAt, long version) implements ReferralEvent {
    }

    record Arrived(Instant occurredAt, long version) implements ReferralEvent {
    }

    record NoShow(Instant occurredAt, long version, Instant appointmentAt) implements ReferralEvent {
    }

    record Completed(Instant occurredAt, long version, TreatmentOutcome outcome, boolean downReferralRecommended)
            implements ReferralEvent {
    }
}
