package cn.referral.billing.application.port.in;

import java.time.LocalDate;

import cn.referral.billing.domain.DeductibleDecision;
import cn.referral.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What settlement systems, auditors and the referral's institutions read. A decision the caller may
 * not see is answered as absent (404), never as forbidden.
 */
public interface DecisionQueries {

    /** The decision, or empty if there is none or the caller may not see it. */
    Mono<DeductibleDecision> find(Caller caller, String decisionId);

    /** The referral's decision (at most one) if the caller may see it. */
    Flux<DeductibleDecision> forReferral(Caller caller, String referralId);

    /**
     * Lines of decisions issued or revoked on {@code day} (China Standard Time): all for an auditor,
     * the own region's for an insurer; anyone else gets {@code NotPermitted}.
     */
    Flux<SettlementLine> settlement(Caller caller, LocalDate day);
}
