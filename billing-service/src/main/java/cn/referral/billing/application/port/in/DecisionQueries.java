package cn.referral.billing.application.port.in;

import java.time.LocalDate;

import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What settlement systems, auditors and the referral's institutions read. A decision the caller may
 * not see is answered as absent ({@code NotFound}, 404), never as forbidden. Every read that answers a decision, and
 * every settlement export, is audited with the caller's {@code purpose} (null: the role's usual one).
 */
public interface DecisionQueries {

    /** The decision; {@code NotFound} if there is none or the caller may not see it. */
    Mono<Shown<DeductibleDecision>> find(Caller caller, DecisionId decisionId, String purpose);

    /** The referral's decision (at most one) if the caller may see it. */
    Flux<Shown<DeductibleDecision>> forReferral(Caller caller, ReferralId referralId, String purpose);

    /**
     * Lines of decisions issued or revoked on {@code day} (China Standard Time): all for an auditor,
     * the own region's for an insurer; anyone else gets {@code NotPermitted}.
     */
    Flux<SettlementLine> settlement(Caller caller, LocalDate day, String purpose);

    /** Reads of the referral's decision, for auditors; anyone else gets {@code NotPermitted}. */
    Flux<cn.referral.billing.application.port.out.AuditRecord> auditTrail(Caller caller, ReferralId referralId);
}
