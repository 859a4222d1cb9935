package cn.referral.billing.adapter.out.messaging;

import java.time.Instant;

/**
 * Wire record of {@code billing.deductible-decision-revoked.v1}: the decision no longer holds.
 * {@code decisionId, referralId, reason, revokedAt} are the agreed contract; {@code regionCode},
 * {@code rule} and the amounts being reversed were added (additively) so a settlement system can
 * route and reconcile a revocation without looking the decision up, and {@code decisionVersion} (the
 * decision's version after the event: 2; {@code revokedAt} is when the event happened).
 */
public record DecisionRevokedV1(String decisionId, String referralId, String reason, Instant revokedAt,
                                String regionCode, String rule, Long standardDeductibleFen, Long waivedFen,
                                Long payableFen, long decisionVersion) {
}
