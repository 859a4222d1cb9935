package cn.referral.billing.domain.decision;

import java.time.Instant;

/**
 * What happened to a deductible decision, in domain words; mapped to wire messages by an adapter. Each
 * carries the decision after the change, its version then and when it happened (the service's clock).
 */
public sealed interface DecisionEvent {

    DeductibleDecision decision();

    Instant occurredAt();

    /** The decision's version after the change. */
    default long version() {
        return decision().version();
    }

    record Issued(DeductibleDecision decision, Instant occurredAt) implements DecisionEvent {
    }

    record Revoked(DeductibleDecision decision, ClosingReason reason, Instant occurredAt) implements DecisionEvent {
    }
}
