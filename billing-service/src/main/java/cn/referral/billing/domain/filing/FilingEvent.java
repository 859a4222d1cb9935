package cn.referral.billing.domain.filing;

import java.time.Instant;

import cn.referral.billing.domain.ClosingReason;

/** What happened to a 转院备案, in domain words; an adapter maps it to the 2501 / 2502 wire records. */
public sealed interface FilingEvent {

    TransferFiling filing();

    Instant at();

    record Registered(TransferFiling filing, Instant at) implements FilingEvent {
    }

    record Revoked(TransferFiling filing, ClosingReason reason, Instant at) implements FilingEvent {
    }
}
