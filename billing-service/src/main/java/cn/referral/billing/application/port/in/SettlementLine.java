package cn.referral.billing.application.port.in;

import java.time.Instant;

import cn.referral.billing.domain.decision.DeductibleDecision;

/**
 * One line of a day's settlement export: a decision issued, or one revoked, at {@code at}, with the
 * insured person number as the reader may see it ({@link Shown}).
 */
public record SettlementLine(Kind kind, Instant at, DeductibleDecision decision, String insuredPersonNo) {

    public enum Kind { ISSUED, REVOKED }
}
