package cn.referral.referral.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.referral.application.port.in.WorklistPage;
import cn.referral.referral.application.port.in.WorklistQuery;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Referrals and their outbox. Every write is one atomic single-document operation that saves the
 * state and appends the outcome's events; an update succeeds only on the version it was based on.
 */
public interface ReferralStore {

    Mono<Referral> find(ReferralId id);

    /** Saves a new referral; fails with {@link DuplicateReferralId} if the id is taken. */
    Mono<Referral> insert(Outcome<Referral> created);

    /** Saves the outcome if the stored version is still {@code expectedVersion}, else fails with {@link StaleVersion}. */
    Mono<Referral> update(Outcome<Referral> outcome, long expectedVersion);

    /**
     * Claims one referral whose next deadline has passed and that no other replica holds, for
     * {@code lease}; the next {@link #update} of it lets the claim go.
     */
    Mono<Referral> claimDue(Instant now, Duration lease);

    Mono<WorklistPage> worklist(WorklistQuery query, InstitutionId institutionId);

    /** Referrals of these patients in these states, except those {@code exceptFromInstitution} sent; newest first. */
    Mono<WorklistPage> ofPatients(Set<String> patientRefs, InstitutionId exceptFromInstitution, Set<ReferralState> states,
                                  int page, int size);

    /**
     * Up-referrals the hospital completed with a recommendation to go back down and for which no
     * down-referral was made yet; longest waiting first.
     */
    Mono<WorklistPage> downReferralsDue(InstitutionId hospitalId, int page, int size);

    /**
     * Down-referrals submitted before {@code submittedBefore} that name an up-referral whose link to them was
     * not confirmed yet (the link is a second write; a process may die between the two). Oldest first.
     */
    Flux<Referral> awaitingUpLink(Instant submittedBefore, int limit);

    /** The down-referral's up-referral names it (or never will): nothing left to repair. */
    Mono<Void> upLinkSettled(ReferralId downReferralId);
}
