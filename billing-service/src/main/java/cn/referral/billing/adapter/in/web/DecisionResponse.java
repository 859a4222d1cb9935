package cn.referral.billing.adapter.in.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.referral.billing.application.port.in.IssuedDecision;
import cn.referral.billing.application.port.in.Shown;
import cn.referral.billing.domain.decision.DeductibleDecision;

/**
 * A decision as the query answers it: the fields of {@code billing.deductible-decision-issued.v1}
 * ({@link IssuedDecision}, in the same object) plus its current {@code status} and, once revoked, why and when.
 */
record DecisionResponse(@JsonUnwrapped IssuedDecision issued, String status, String revocationReason,
                        Instant revokedAt) {

    static DecisionResponse of(Shown<DeductibleDecision> shown) {
        DeductibleDecision decision = shown.record();
        return new DecisionResponse(IssuedDecision.of(decision, shown.insuredPersonNo()), decision.status().name(),
                decision.revocationReason() == null ? null : decision.revocationReason().name(), decision.revokedAt());
    }
}
