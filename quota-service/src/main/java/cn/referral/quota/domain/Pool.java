package cn.referral.quota.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A pool of units (clinic slots, beds or examinations) of one department for one session, of which
 * {@code reserved} are kept for referred patients ({@link ReservedShareRule}).
 * <p>
 * The ledger's invariant: reserved holds never exceed the reserve, and a referral is held at most
 * once. Green-channel holds ({@link GreenChannel}) are counted apart. The waitlist is kept in arrival
 * order and served in {@link WaitlistOrder}. Every method returns the pool after the change and the
 * events it caused; the store writes both in one atomic update of the pool document.
 *
 * @param holds             active holds (held or confirmed), reserved and green-channel
 * @param released          holds given back; their referrals are never held here again
 * @param waitlist          waiting referrals in arrival order
 * @param unannounced       waitlisted referrals whose {@code Waitlisted} event is not written yet
 * @param reserveReleasedAt when the unheld reserve went public at the cutoff, or null
 * @param releasedToPublic  reserved units handed to the public schedule (at the cutoff and after)
 * @param revision          grows with every stored change; guards compare-and-set writes
 */
public record Pool(String id, PoolKey key, int capacity, int reserved, Instant sessionStartsAt, List<Hold> holds,
                   List<ReleasedHold> released, List<WaitlistEntry> waitlist, List<String> unannounced,
                   Instant reserveReleasedAt, int releasedToPublic, long revision) {

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sessionStartsAt, "sessionStartsAt");
        holds = List.copyOf(holds);
        released = List.copyOf(released);
        waitlist = List.copyOf(waitlist);
        unannounced = List.copyOf(unannounced);
    }

    /** A new pool; fails with {@link QuotaRuleViolation} if it does not reserve 20%. */
    public static Pool open(String id, PoolKey key, int capacity, int reserved, ZoneId zone) {
        if (capacity <= 0) {
            throw new QuotaRuleViolation("capacity", "a pool needs at least one unit, not " + capacity);
        }
        ReservedShareRule.check(capacity, reserved);
        return new Pool(id, key, capacity, reserved, key.session().startsAt(key.date(), zone), List.of(), List.of(),
                List.of(), List.of(), null, 0, 0);
    }

    public QuotaEvent.PoolRef ref() {
        return new QuotaEvent.PoolRef(id, key);
    }

    /** Reserved units currently held (held or confirmed), green channel not included. */
    public int held() {
        return (int) holds.stream().filter(hold -> !hold.greenChannel()).count();
    }

    public int greenChannelHeld() {
        return (int) holds.stream().filter(Hold::greenChannel).count();
    }

    public int confirmed() {
        return (int) holds.stream().filter(hold -> hold.status() == HoldStatus.CONFIRMED).count();
    }

    public boolean reserveReleased() {
        return reserveReleasedAt != null;
    }

    /** Reserved units a referral can still get now: none once the reserve went public. */
    public int freeReserve() {
        return reserveReleased() ? 0 : Math.max(0, reserved - held());
    }

    /** Whether this pool has ever held, released or waitlisted the referral. */
    public boolean knows(String referralId) {
        return holdOf(referralId).isPresent()
                || released.stream().anyMatch(r -> r.hold().referralId().equals(referralId))
                || waitlist.stream().anyMatch(entry -> entry.referralId().equals(referralId));
    }

    public Optional<Hold> holdOf(String referralId) {
        return holds.stream().filter(hold -> hold.referralId().equals(referralId)).findFirst();
    }

    public boolean isWaiting(String referralId) {
        return waitlist.stream().anyMatch(entry -> entry.referralId().equals(referralId));
    }

    /** Service order of the waitlist ({@link WaitlistOrder}). */
    public List<WaitlistEntry> waitlistInServiceOrder() {
        return WaitlistOrder.serviceOrder(waitlist);
    }

    /**
     * Holds a reserved unit for the referral. Empty when the pool has no free reserve or already
     * knows the referral; the store applies the same conditions atomically.
     */
    public Optional<PoolChange> holdReserved(HoldRequest request, String holdId, Instant now) {
        if (freeReserve() == 0 || knows(request.referralId())) {
            return Optional.empty();
        }
        Hold hold = new Hold(holdId, request.referralId(), false, HoldStatus.HELD, now, request.acceptBy());
        return Optional.of(PoolChange.of(withHolds(append(holds, hold)), List.of(new QuotaEvent.SlotHeld(ref(), hold))));
    }

    /** Holds an emergency beyond the reserve (绿色通道). Empty for other urgencies or a known referral. */
    public Optional<PoolChange> holdInGreenChannel(HoldRequest request, String holdId, Instant now) {
        if (!GreenChannel.admitsBeyondReserve(request.urgency()) || knows(request.referralId())) {
            return Optional.empty();
        }
        Hold hold = new Hold(holdId, request.referralId(), true, HoldStatus.HELD, now, request.acceptBy());
        return Optional.of(PoolChange.of(withHolds(append(holds, hold)), List.of(new QuotaEvent.SlotHeld(ref(), hold))));
    }

    /**
     * Puts the referral at the end of the waitlist (arrival order) when the reserve is full. The
     * {@code Waitlisted} event follows with {@link #announceWaitlisted}, once its position is known.
     */
    public Optional<PoolChange> enqueue(HoldRequest request, Instant now) {
        if (freeReserve() > 0 || knows(request.referralId())) {
            return Optional.empty();
        }
        return Optional.of(PoolChange.of(new Pool(id, key, capacity, reserved, sessionStartsAt, holds, released,
                append(waitlist, request.asWaitlistEntry(now)), append(unannounced, request.referralId()),
                reserveReleasedAt, releasedToPublic, revision), List.of()));
    }

    /** The {@code Waitlisted} event of a referral that waits and was not announced yet. */
    public Optional<PoolChange> announceWaitlisted(String referralId) {
        if (!unannounced.contains(referralId) || !isWaiting(referralId)) {
            return Optional.empty();
        }
        List<String> rest = unannounced.stream().filter(id -> !id.equals(referralId)).toList();
        Pool announced = new Pool(id, key, capacity, reserved, sessionStartsAt, holds, released, waitlist, rest,
                reserveReleasedAt, releasedToPublic, revision);
        return Optional.of(PoolChange.of(announced, List.of(
                new QuotaEvent.Waitlisted(ref(), referralId, WaitlistOrder.positionOf(referralId, waitlist)))));
    }

    /** The hospital accepted the referral: its hold is confirmed; a waiting referral leaves the waitlist. */
    public PoolChange confirm(String referralId) {
        Optional<Hold> hold = holdOf(referralId);
        if (hold.isPresent()) {
            if (hold.get().status() == HoldStatus.CONFIRMED) {
                return PoolChange.none(this);
            }
            Hold confirmed = hold.get().confirmed();
            List<Hold> after = holds.stream().map(h -> h.referralId().equals(referralId) ? confirmed : h).toList();
            return PoolChange.of(withHolds(after), List.of(new QuotaEvent.SlotConfirmed(ref(), confirmed)));
        }
        if (isWaiting(referralId)) {
            // accepted outside the reserve: it no longer needs a unit from here
            return PoolChange.of(withoutWaiting(referralId), List.of());
        }
        return PoolChange.none(this);
    }

    /**
     * The referral was rejected, cancelled or expired. Its unit goes at once to the first waiting
     * referral in {@link WaitlistOrder}; after the cutoff, with nobody waiting, to the public schedule.
     * A waiting referral just leaves the waitlist.
     */
    public PoolChange release(String referralId, ReleaseReason reason, Instant now, Supplier<String> holdIds) {
        Optional<Hold> hold = holdOf(referralId);
        if (hold.isEmpty()) {
            return isWaiting(referralId) ? PoolChange.of(withoutWaiting(referralId), List.of()) : PoolChange.none(this);
        }
        List<QuotaEvent> events = new ArrayList<>();
        events.add(new QuotaEvent.SlotReleased(ref(), hold.get(), reason));
        Pool after = new Pool(id, key, capacity, reserved, sessionStartsAt,
                holds.stream().filter(h -> !h.referralId().equals(referralId)).toList(),
                append(released, new ReleasedHold(hold.get(), reason, now)), waitlist, unannounced, reserveReleasedAt,
                releasedToPublic, revision);
        if (hold.get().greenChannel()) {
            // a green-channel unit was never part of the reserve: nothing to hand on
            return PoolChange.of(after, events);
        }
        return after.handOnFreedUnits(now, holdIds, events);
    }

    /**
     * At the cutoff the reserved units nobody holds go to the public schedule, once. Waiting
     * referrals stay waiting for units released later.
     */
    public PoolChange releaseReserveAtCutoff(ReserveCutoff cutoff, Instant now) {
        if (reserveReleased() || !cutoff.isDue(this, now)) {
            return PoolChange.none(this);
        }
        int unheld = Math.max(0, reserved - held());
        Pool after = new Pool(id, key, capacity, reserved, sessionStartsAt, holds, released, waitlist, unannounced, now,
                releasedToPublic + unheld, revision);
        return PoolChange.of(after, List.of(new QuotaEvent.ReserveReleased(ref(), unheld)));
    }

    /**
     * Changes the pool's size. The reserve still follows {@link ReservedShareRule}, and neither the
     * capacity nor the reserve may drop below what is already held; a grown reserve goes to waiting
     * referrals at once.
     */
    public PoolChange resize(int newCapacity, int newReserved, Instant now, Supplier<String> holdIds) {
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
            return PoolChange.none(this);
        }
        Pool resized = new Pool(id, key, newCapacity, newReserved, sessionStartsAt, holds, released, waitlist,
                unannounced, reserveReleasedAt, releasedToPublic, revision);
        return resized.handOnFreedUnits(now, holdIds, new ArrayList<>());
    }

    private PoolChange handOnFreedUnits(Instant now, Supplier<String> holdIds, List<QuotaEvent> events) {
        Pool current = this;
        while (!current.waitlist.isEmpty() && current.unitsToHandOn() > 0) {
            WaitlistEntry first = current.waitlistInServiceOrder().get(0);
            Hold hold = new Hold(holdIds.get(), first.referralId(), false, HoldStatus.HELD, now, first.acceptBy());
            Pool waiting = current.withoutWaiting(first.referralId());
            current = waiting.withHolds(append(waiting.holds, hold));
            events.add(new QuotaEvent.SlotHeld(ref(), hold));
        }
        int units = current.unitsToHandOn();
        if (current.reserveReleased() && units > 0) {
            current = new Pool(id, key, current.capacity, current.reserved, sessionStartsAt, current.holds,
                    current.released, current.waitlist, current.unannounced, reserveReleasedAt,
                    current.releasedToPublic + units, revision);
            events.add(new QuotaEvent.ReserveReleased(ref(), units));
        }
        return PoolChange.of(current, events);
    }

    /** Reserved units neither held nor already given to the public schedule. */
    private int unitsToHandOn() {
        return reserved - held() - releasedToPublic;
    }

    private Pool withHolds(List<Hold> newHolds) {
        return new Pool(id, key, capacity, reserved, sessionStartsAt, newHolds, released, waitlist, unannounced,
                reserveReleasedAt, releasedToPublic, revision);
    }

    private Pool withoutWaiting(String referralId) {
        return new Pool(id, key, capacity, reserved, sessionStartsAt, holds, released,
                waitlist.stream().filter(entry -> !entry.referralId().equals(referralId)).toList(),
                unannounced.stream().filter(waiting -> !waiting.equals(referralId)).toList(), reserveReleasedAt,
                releasedToPublic, revision);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
