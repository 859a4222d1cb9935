package cn.referral.quota.domain;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.pool.Hold;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.ReleaseReason;

import java.time.Instant;

/**
 * Something that happened in the ledger, in domain words; adapters map it to wire messages. Each says when
 * it happened ({@code occurredAt}, from the service's clock). A change of a pool written as a compare-and-set
 * on its revision ({@link PoolRevised}) also carries the pool's revision after it. A new hold is written by a
 * guarded increment that never reads the revision (so concurrent holds do not conflict), and a waitlisting
 * or an answer that no unit exists changes no pool: their pool revision is not known when the event is
 * written, and they carry none.
 */
public sealed interface QuotaEvent permits QuotaEvent.SlotHeld, QuotaEvent.Waitlisted, QuotaEvent.PoolRevised,
        QuotaEvent.Unavailable {

    Instant occurredAt();

    /** A change of a pool stored by compare-and-set on its revision: {@code poolRevision} is the revision after it. */
    sealed interface PoolRevised extends QuotaEvent permits SlotConfirmed, SlotReleased, ReserveReleased {

        PoolRef pool();

        long poolRevision();
    }

    /** A unit was held for a referral (on submission, or handed on from the waitlist). */
    record SlotHeld(PoolRef pool, Hold hold, Instant occurredAt) implements QuotaEvent {
    }

    /** The pool was full: the referral waits, at {@code position} in service order when it joined. */
    record Waitlisted(PoolRef pool, ReferralId referralId, int position, Instant occurredAt) implements QuotaEvent {
    }

    /** The hospital accepted the referral: its hold is now a booking. */
    record SlotConfirmed(PoolRef pool, Hold hold, long poolRevision, Instant occurredAt) implements PoolRevised {
    }

    /** The referral was rejected, cancelled or expired (or its hold's deadline passed): its unit went back. */
    record SlotReleased(PoolRef pool, Hold hold, ReleaseReason reason, long poolRevision, Instant occurredAt)
            implements PoolRevised {
    }

    /** At the cutoff, {@code units} reserved units nobody held went to the public schedule. */
    record ReserveReleased(PoolRef pool, int units, long poolRevision, Instant occurredAt) implements PoolRevised {
    }

    /** The referral gets no unit: why, in a stable code, and what that means, in words. */
    record Unavailable(ReferralId referralId, String reason, String explanation, Instant occurredAt)
            implements QuotaEvent {
        /** no pool of the institution, department and resource has a session in the requested window still to come */
        public static final String NO_MATCHING_POOL = "NO_MATCHING_POOL";
        /** pools match, their cutoff passed and their unheld reserve went public: a ROUTINE referral gets none */
        public static final String RESERVE_RELEASED = "RESERVE_RELEASED";
        /** pools match and their cutoff passed (the reserve is being handed out): a ROUTINE referral gets none */
        public static final String RESERVE_CUTOFF_PASSED = "RESERVE_CUTOFF_PASSED";

        public static Unavailable noMatchingPool(ReferralId referralId, Instant now) {
            return new Unavailable(referralId, NO_MATCHING_POOL, "No pool of the requested institution, department"
                    + " and resource has a session in the requested window that has not started yet.", now);
        }
    }

    /** The pool an event is about: its id and key. */
    record PoolRef(PoolId poolId, PoolKey key) {
    }
}
