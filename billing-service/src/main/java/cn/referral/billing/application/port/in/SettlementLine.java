package cn.referral.billing.application.port.in;

import java.time.Instant;

import cn.referral.billing.domain.DeductibleDecision;

/** One line of a day's settlement export: a decision issued, or one revoked, at {@code at}. */
public record SettlementLine(Kind kind, Instant at, DeductibleDecision decision) {

    public enum Kind { ISSUED, REVOKED }
}
