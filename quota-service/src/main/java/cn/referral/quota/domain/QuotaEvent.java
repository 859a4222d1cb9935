package cn.referral.quota.domain;

/** Something that happened in the ledger, in domain words; adapters map it to wire messages. */
public sealed interface QuotaEvent permits QuotaEvent.SlotHeld, QuotaEvent.Waitlisted, QuotaEvent.SlotConfirmed,
        QuotaEvent.SlotReleased, QuotaEvent.ReserveReleased, QuotaEvent.Unavailable {

    /** A unit was held for a referral (on submission, or handed on from the waitlist). */
    record SlotHeld(PoolRef pool, Hold hold) implements QuotaEvent {
    }

    /** The pool was full: the referral waits, at {@code position} in service order. */
    record Waitlisted(PoolRef pool, String referralId, int position) implements QuotaEvent {
    }

    /** The hospital accepted the referral: its hold is now a booking. */
    record SlotConfirmed(PoolRef pool, Hold hold) implements QuotaEvent {
    }

    /** The referral was rejected, cancelled or expired: its unit went back. */
    record SlotReleased(PoolRef pool, Hold hold, ReleaseReason reason) implements QuotaEvent {
    }

    /** At the cutoff, {@code units} reserved units nobody held went to the public schedule. */
    record ReserveReleased(PoolRef pool, int units) implements QuotaEvent {
    }

    /** No pool matches the referral (institution, department, resource, date window). */
    record Unavailable(String referralId, String reason) implements QuotaEvent {
        public static final String NO_MATCHING_POOL = "NO_MATCHING_POOL";
        /** pools match, but their reserve went public at the cutoff */
        public static final String RESERVE_RELEASED = "RESERVE_RELEASED";
    }

    /** The pool an event is about: its id and key. */
    record PoolRef(String poolId, PoolKey key) {
    }
}
