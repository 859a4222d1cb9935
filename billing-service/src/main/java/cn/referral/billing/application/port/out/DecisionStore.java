package cn.referral.billing.application.port.out;

import java.time.Instant;
import java.time.LocalDate;

import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.billing.domain.decision.DecisionEvent;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.ReferralId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where decisions live, one record per referral (issued, revoked, or closed before any decision).
 * A change and its events are written in one atomic single-document operation.
 */
public interface DecisionStore {

    /** Whether the referral has a record of any kind: a decision, or a close that came first. */
    Mono<Boolean> knows(ReferralId referralId);

    /** Stores a newly issued decision with its events; emits false if the referral already had a record. */
    Mono<Boolean> insertIssued(Outcome<DeductibleDecision, DecisionEvent> change);

    /** Remembers a referral closed before any decision; emits false if it already had a record. */
    Mono<Boolean> rememberClosed(ReferralId referralId, ClosingReason reason, Instant at);

    /** Stores a revocation with its events if the decision is still issued; emits whether it did. */
    Mono<Boolean> saveRevocation(Outcome<DeductibleDecision, DecisionEvent> change);

    Mono<DeductibleDecision> findByReferral(ReferralId referralId);

    Mono<DeductibleDecision> findById(DecisionId decisionId);

    /** Decisions issued on {@code day} (China Standard Time), of {@code region} or of every region if null. */
    Flux<DeductibleDecision> issuedOn(LocalDate day, RegionCode region);

    /** Decisions revoked on {@code day} (China Standard Time), of {@code region} or of every region if null. */
    Flux<DeductibleDecision> revokedOn(LocalDate day, RegionCode region);
}
