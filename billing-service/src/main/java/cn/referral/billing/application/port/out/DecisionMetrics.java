package cn.referral.billing.application.port.out;

import cn.referral.billing.domain.decision.DeductibleDecision;

/** Business metrics of decisions (DESIGN §6): by rule, waived fen, and alerts. */
public interface DecisionMetrics {

    /** A decision was issued; a {@code NO_SCHEDULE} one also raises the missing-schedule alert. */
    void issued(DeductibleDecision decision);

    void revoked(DeductibleDecision decision);

    /** An accept named an institution the local registry view does not have (yet). */
    void referenceDataMissing();
}
