package cn.referral.billing.domain;

import java.time.Instant;

/** What happened to a deductible decision, in domain words; mapped to wire messages by an adapter. */
public sealed interface DecisionEvent {

    DeductibleDecision decision();

    Instant at();

    record Issued(DeductibleDecision decision, Instant at) implements DecisionEvent {
    }

    record Revoked(DeductibleDecision decision, ClosingReason reason, Instant at) implements DecisionEvent {
    }
}
