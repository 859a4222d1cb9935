package cn.referral.billing.domain.filing;

import java.time.Instant;

import cn.referral.billing.domain.decision.ClosingReason;

/**
 * What happened to a 转院备案, in domain words; an adapter maps it to the 2501 / 2502 wire records. Each
 * carries the filing after the change, its version then and when it happened (the service's clock).
 */
public sealed interface FilingEvent {

    TransferFiling filing();

    Instant occurredAt();

    /** The filing's version after the change. */
    default long version() {
        return filing().version();
    }

    record Registered(TransferFiling filing, Instant occurredAt) implements FilingEvent {
    }

    record Revoked(TransferFiling filing, ClosingReason reason, Instant occurredAt) implements FilingEvent {
    }
}
