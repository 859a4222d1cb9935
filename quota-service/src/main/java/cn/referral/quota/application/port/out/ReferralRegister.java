package cn.referral.quota.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import reactor.core.publisher.Mono;

/**
 * One record per referral the ledger has heard of, so a referral is placed once and a referral
 * that was closed (rejected, cancelled, expired, accepted) is never held afterwards, whatever order
 * its events arrive in.
 */
public interface ReferralRegister {

    enum Standing {
        /** first time: this caller places it */
        NEW,
        /** already placed (or being placed) */
        KNOWN,
        /** already answered: no pool matched */
        ANSWERED_UNAVAILABLE,
        /** closed before it was placed: never place it */
        CLOSED
    }

    /** Claims the referral for placement, atomically. */
    Mono<Standing> claim(ReferralId referralId, Instant now);

    /**
     * Takes over the placement of a referral claimed before {@code staleBefore} and still open (its
     * placer died), atomically, so one redelivery at most does it. Emits whether this caller took it.
     */
    Mono<Boolean> reclaimIfStale(ReferralId referralId, Instant staleBefore, Instant now);

    /** Remembers that the referral is closed; idempotent. */
    Mono<Void> close(ReferralId referralId, String reason, Instant now);

    /** Why the referral was closed (REJECTED, CANCELLED, EXPIRED, ACCEPTED), or empty while it is open. */
    Mono<Optional<String>> closedReason(ReferralId referralId);

    /** Stores the unavailable answer with its event, once per referral; emits whether it was new. */
    Mono<Boolean> recordUnavailable(QuotaEvent.Unavailable event, Instant now);

    /**
     * Remembers that pool {@code poolId} may hold the referral; called <em>before</em> the hold is
     * written, so a pool that holds it is always remembered (one whose hold then lost a race is too,
     * harmlessly). Idempotent. A referral registered before pools were remembered is left as it is.
     */
    Mono<Void> rememberPool(ReferralId referralId, PoolId poolId);

    /**
     * The pools remembered for the referral (a superset of those that hold or held it), or empty when
     * its register does not remember pools (registered before they were, or never registered): then
     * the pools are found by their holds.
     */
    Mono<Optional<List<PoolId>>> rememberedPools(ReferralId referralId);
}
