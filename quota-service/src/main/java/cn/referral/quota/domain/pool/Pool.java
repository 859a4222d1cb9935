package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.QuotaRuleViolation;
import cn.referral.quota.domain.policy.GreenChannel;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.policy.ReservedShareRule;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool of units (clinic slots, beds or examinations) of one department for one session, of which
 * {@code reserved} are kept for referred patients ({@link ReservedShareRule}).
 * <p>
 * The ledger's invariant: reserved holds never exceed the reserve, and a referral is held at most
 * once. Green-channel holds ({@link GreenChannel}) are counted apart. The waitlist is not part of the
 * pool: each waiting referral is its own {@link WaitlistEntry}, numbered by the pool
 * ({@code waitlistSeq}) on arrival. Every method returns the pool after the change, the events it
 * caused and how the store writes it ({@link Outcome.Write}).
 *
 * @param holds             active holds (held or confirmed), reserved and green-channel
 * @param released          holds given back; their referrals are never held here again
 * @param reserveReleasedAt when the unheld reserve went public at the cutoff, or null
 * @param releasedToPublic  reserved units handed to the public schedule (at the cutoff and after)
 * @param waitlistSeq       arrival numbers handed out to waiting referrals so far
 * @param revision          grows with every stored change; guards compare-and-set writes. A change written
 *                          as a compare-and-set ({@link Outcome.Write.Replace}) is the pool at the next revision
 */
public record Pool(PoolId id, PoolKey key, int capacity, int reserved, Instant sessionStartsAt, List<Hold> holds,
                   List<ReleasedHold> released, Instant reserveReleasedAt, int releasedToPublic, long waitlistSeq,
                   long revision) implements PoolCounts {

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sessionStartsAt, "sessionStartsAt");
        holds = List.copyOf(holds);
        released = List.copyOf(released);
    }

    /** A new pool; fails with {@link QuotaRuleViolation} if it does not reserve 20%. */
    public static Pool open(PoolId id, PoolKey key, int capacity, int reserved, ZoneId zone) {
        if (capacity <= 0) {
            throw new QuotaRuleViolation("capacity", "a pool needs at least one unit, not " + capacity);
        }
        ReservedShareRule.check(capacity, reserved);
        return new Pool(id, key, capacity, reserved, key.session().startsAt(key.date(), zone), List.of(), List.of(),
                null, 0, 0, 0);
    }

    /** Reserved units currently held (held or confirmed), green channel not included. */
    @Override
    public int held() {
        return (int) holds.stream().filter(hold -> !hold.greenChannel()).count();
    }

    /** Reserved units held by referrals outside the reserve's priority group ({@link ReservePolicy}). */
    @Override
    public int heldOpen() {
        return (int) holds.stream().filter(hold -> !hold.greenChannel() && hold.open()).count();
    }

    public int greenChannelHeld() {
        return (int) holds.stream().filter(Hold::greenChannel).count();
    }

    public int confirmed() {
        return (int) holds.stream().filter(hold -> hold.status() == HoldStatus.CONFIRMED).count();
    }

    /** Reserved units a routine referral can still get now: none once the reserve went public. */
    public int freeReserve() {
        return reserveReleased() ? 0 : Math.max(0, reserved - held());
    }

    /** Whether this pool has ever held or released the referral (waiting referrals are entries of their own). */
    @Override
    public boolean knows(ReferralId referralId) {
        return holdOf(referralId).isPresent()
                || released.stream().anyMatch(r -> r.hold().referralId().equals(referralId));
    }

    public Optional<Hold> holdOf(ReferralId referralId) {
        return holds.stream().filter(hold -> hold.referralId().equals(referralId)).findFirst();
    }

    /**
     * Holds a reserved unit for the referral ({@link PoolCounts#reservedHoldFor}, the rule). Empty when the
     * pool cannot give it one now. The change carries the guard the store writes it under.
     *
     * @param cutoffDue whether the pool's reserve cutoff has come ({@link ReserveCutoff})
     */
    public Optional<Outcome<Pool>> holdReserved(HoldRequest request, ReservePolicy policy, boolean cutoffDue,
                                                HoldId holdId, Instant now) {
        return reservedHoldFor(request, policy, cutoffDue, holdId, now).map(this::taking);
    }

    /** Holds an emergency beyond the reserve ({@link PoolCounts#greenChannelHoldFor}). */
    public Optional<Outcome<Pool>> holdInGreenChannel(HoldRequest request, HoldId holdId, Instant now) {
        return greenChannelHoldFor(request, holdId, now).map(this::taking);
    }

    /** Hands a freed reserved unit to a waiting referral ({@link PoolCounts#handOverTo}). */
    public Optional<Outcome<Pool>> handTo(WaitlistEntry entry, ReservePolicy policy, HoldId holdId, Instant now) {
        return handOverTo(entry, policy, holdId, now).map(this::taking);
    }

    /**
     * This pool with the new hold taken. The hold is written by a guarded increment, not a compare-and-set, so
     * the revision it is stored at is not known here: the copy keeps the revision it was read at.
     */
    private Outcome<Pool> taking(NewHold hold) {
        return Outcome.holdAdded(new Builder(this).holds(append(holds, hold.hold())).build(), hold);
    }

    /** The hospital accepted the referral: its hold is confirmed. */
    public Outcome<Pool> confirm(ReferralId referralId, Instant now) {
        Optional<Hold> hold = holdOf(referralId);
        if (hold.isEmpty() || hold.get().status() == HoldStatus.CONFIRMED) {
            return Outcome.none(this);
        }
        Hold confirmed = hold.get().confirmed();
        List<Hold> after = holds.stream().map(h -> h.referralId().equals(referralId) ? confirmed : h).toList();
        Pool next = nextRevision().holds(after).build();
        return Outcome.replaced(next, List.of(new QuotaEvent.SlotConfirmed(ref(), confirmed, next.revision, now)));
    }

    /**
     * The referral was rejected, cancelled or expired: its unit goes back. Who gets it next is the
     * waitlist's business ({@link #handTo}); with nobody waiting after the cutoff it goes public
     * ({@link #handFreeUnitsToPublic}).
     */
    public Outcome<Pool> release(ReferralId referralId, ReleaseReason reason, Instant now) {
        Optional<Hold> hold = holdOf(referralId);
        if (hold.isEmpty()) {
            return Outcome.none(this);
        }
        Pool after = nextRevision().holds(holds.stream().filter(h -> !h.referralId().equals(referralId)).toList())
                .released(append(released, new ReleasedHold(hold.get(), reason, now))).build();
        return Outcome.replaced(after, List.of(new QuotaEvent.SlotReleased(ref(), hold.get(), reason, after.revision,
                now)));
    }

    /**
     * Releases, at {@code now}, every hold not confirmed by a deadline that had passed by {@code deadlinesPassedBy}
     * ({@link Hold#isExpiredAt}); the ledger gives an acceptance on its way a grace after the deadline.
     */
    public Outcome<Pool> releaseExpired(Instant deadlinesPassedBy, Instant now) {
        List<Hold> expired = holds.stream().filter(hold -> hold.isExpiredAt(deadlinesPassedBy)).toList();
        if (expired.isEmpty()) {
            return Outcome.none(this);
        }
        List<ReleasedHold> nowReleased = new ArrayList<>(released);
        for (Hold hold : expired) {
            nowReleased.add(new ReleasedHold(hold, ReleaseReason.EXPIRED, now));
        }
        Pool after = nextRevision().holds(holds.stream().filter(hold -> !expired.contains(hold)).toList())
                .released(nowReleased).build();
        List<QuotaEvent> events = expired.stream().<QuotaEvent>map(hold -> new QuotaEvent.SlotReleased(ref(), hold,
                ReleaseReason.EXPIRED, after.revision, now)).toList();
        return Outcome.replaced(after, events);
    }

    /**
     * At the cutoff the reserved units nobody holds go to the public schedule, once. Waiting
     * referrals stay waiting for units released later.
     */
    public Outcome<Pool> releaseReserveAtCutoff(ReserveCutoff cutoff, Instant now) {
        if (reserveReleased() || !cutoff.isDue(this, now)) {
            return Outcome.none(this);
        }
        int unheld = Math.max(0, reserved - held());
        Pool after = nextRevision().reserveReleasedAt(now).releasedToPublic(releasedToPublic + unheld).build();
        return Outcome.replaced(after, List.of(new QuotaEvent.ReserveReleased(ref(), unheld, after.revision, now)));
    }

    /** After the cutoff, with nobody waiting: units freed since go public too. */
    public Outcome<Pool> handFreeUnitsToPublic(Instant now) {
        int units = unitsToHandOn();
        if (!reserveReleased() || units <= 0) {
            return Outcome.none(this);
        }
        Pool after = nextRevision().releasedToPublic(releasedToPublic + units).build();
        return Outcome.replaced(after, List.of(new QuotaEvent.ReserveReleased(ref(), units, after.revision, now)));
    }

    /**
     * Changes the pool's size. The reserve still follows {@link ReservedShareRule}, and neither the
     * capacity nor the reserve may drop below what is already held; a grown reserve goes to waiting
     * referrals next.
     */
    public Outcome<Pool> resize(int newCapacity, int newReserved) {
        if (newCapacity <= 0) {
            throw new QuotaRuleViolation("capacity", "a pool needs at least one unit, not " + newCapacity);
        }
        ReservedShareRule.check(newCapacity, newReserved);
        if (newReserved < held()) {
            throw new PoolStateConflict("reserve-below-held", "The reserve cannot drop to " + newReserved + ": "
                    + held() + " reserved units are held");
        }
        if (newCapacity < holds.size()) {
            throw new PoolStateConflict("capacity-below-held", "The capacity cannot drop to " + newCapacity + ": "
                    + holds.size() + " units are held");
        }
        if (reserveReleased() && newReserved != reserved) {
            throw new PoolStateConflict("reserve-already-released", "The reserve of this pool went public at "
                    + reserveReleasedAt + "; it can no longer change");
        }
        if (newCapacity == capacity && newReserved == reserved) {
            return Outcome.none(this);
        }
        return Outcome.replaced(nextRevision().capacity(newCapacity).reserved(newReserved).build(), List.of());
    }

    /** Reserved units neither held nor already given to the public schedule. */
    public int unitsToHandOn() {
        return reserved - held() - releasedToPublic;
    }

    /**
     * A copy at the next revision, for a change written as a compare-and-set. A hold taken by a guarded
     * increment copies with {@code new Builder(this)} and keeps the revision it was read at.
     */
    private Builder nextRevision() {
        return new Builder(this).revision(revision + 1);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    /** A copy of a pool that names only the components a change changes; the rest are the pool's own. */
    private static final class Builder {
        private final Pool from;
        private int capacity;
        private int reserved;
        private List<Hold> holds;
        private List<ReleasedHold> released;
        private Instant reserveReleasedAt;
        private int releasedToPublic;
        private long revision;

        private Builder(Pool from) {
            this.from = from;
            capacity = from.capacity;
            reserved = from.reserved;
            holds = from.holds;
            released = from.released;
            reserveReleasedAt = from.reserveReleasedAt;
            releasedToPublic = from.releasedToPublic;
            revision = from.revision;
        }

        Builder capacity(int value) { capacity = value; return this; }
        Builder reserved(int value) { reserved = value; return this; }
        Builder holds(List<Hold> value) { holds = value; return this; }
        Builder released(List<ReleasedHold> value) { released = value; return this; }
        Builder reserveReleasedAt(Instant value) { reserveReleasedAt = value; return this; }
        Builder releasedToPublic(int value) { releasedToPublic = value; return this; }
        Builder revision(long value) { revision = value; return this; }

        Pool build() {
            return new Pool(from.id, from.key, capacity, reserved, from.sessionStartsAt, holds, released,
                    reserveReleasedAt, releasedToPublic, from.waitlistSeq, revision);
        }
    }
}
