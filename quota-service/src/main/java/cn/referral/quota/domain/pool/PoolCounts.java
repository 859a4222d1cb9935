package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.policy.GreenChannel;
import cn.referral.quota.domain.policy.ReserveAfterCutoff;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import cn.referral.quota.domain.waitlist.WaitlistEntry;

import java.time.Instant;
import java.util.Optional;

/**
 * What deciding a new hold reads of a pool: its identity, reserve and counters, and whether it has
 * held or released the referral in question, but not its holds. The whole {@link Pool} answers it,
 * and so does a {@link PoolTally} read without its holds, so a placement need not load every hold of
 * a busy pool. The decisions here are the rule for every new hold (placement, green channel, hand-over);
 * {@link Pool}'s own methods apply them to the whole pool.
 */
public sealed interface PoolCounts permits Pool, PoolTally {

    PoolId id();

    PoolKey key();

    int reserved();

    Instant sessionStartsAt();

    /** When the unheld reserve went public at the cutoff, or null. */
    Instant reserveReleasedAt();

    /** Reserved units handed to the public schedule (at the cutoff and after). */
    int releasedToPublic();

    /** Reserved units currently held (held or confirmed), green channel not included. */
    int held();

    /** Reserved units held by referrals outside the reserve's priority group ({@link ReservePolicy}). */
    int heldOpen();

    /** Whether this pool has ever held or released the referral (waiting referrals are entries of their own). */
    boolean knows(ReferralId referralId);

    default boolean reserveReleased() {
        return reserveReleasedAt() != null;
    }

    default QuotaEvent.PoolRef ref() {
        return new QuotaEvent.PoolRef(id(), key());
    }

    /**
     * Holds a reserved unit for the referral. Empty when the pool cannot give it one now: then an
     * EMERGENCY goes to the green channel ({@link #greenChannelHoldFor}), anyone else waits or, past the
     * cutoff, is answered by {@link ReserveAfterCutoff}. The hold carries the guard the store writes it under.
     *
     * @param cutoffDue whether the pool's reserve cutoff has come ({@link ReserveCutoff})
     */
    default Optional<NewHold> reservedHoldFor(HoldRequest request, ReservePolicy policy, boolean cutoffDue,
                                              HoldId holdId, Instant now) {
        HoldGuard.Limit limit = ReserveAfterCutoff.limitFor(request.urgency(), cutoffDue);
        if (limit == null) {
            return Optional.empty();
        }
        boolean servedFirst = policy.servesFirst(request);
        HoldGuard guard = new HoldGuard(request.referralId(), limit, !cutoffDue,
                servedFirst ? null : policy.openLimit(reserved()));
        return newHold(guard, request, !servedFirst, false, null, now, holdId);
    }

    /** Holds an emergency beyond the reserve (绿色通道). Empty for other urgencies or a known referral. */
    default Optional<NewHold> greenChannelHoldFor(HoldRequest request, HoldId holdId, Instant now) {
        if (!GreenChannel.admitsBeyondReserve(request.urgency())) {
            return Optional.empty();
        }
        return newHold(new HoldGuard(request.referralId(), HoldGuard.Limit.NONE, false, null), request, false, true,
                null, now, holdId);
    }

    /**
     * Hands a freed reserved unit to a waiting referral (it joined before any cutoff, so the unit is its
     * own even after it: only units not gone public count). Empty when no such unit is free now.
     */
    default Optional<NewHold> handOverTo(WaitlistEntry entry, ReservePolicy policy, HoldId holdId, Instant now) {
        HoldGuard guard = new HoldGuard(entry.referralId(), HoldGuard.Limit.WITHIN_UNRELEASED_RESERVE, false,
                entry.servedFirst() ? null : policy.openLimit(reserved()));
        return newHold(guard, entry.asRequest(key()), !entry.servedFirst(), false, entry.waitlistClass(), now, holdId);
    }

    private Optional<NewHold> newHold(HoldGuard guard, HoldRequest request, boolean open, boolean greenChannel,
                                      WaitlistClass fromWaitlist, Instant now, HoldId holdId) {
        if (!guard.admits(this)) {
            return Optional.empty();
        }
        Hold hold = new Hold(holdId, request.referralId(), greenChannel, open && !greenChannel, HoldStatus.HELD, now,
                request.acceptBy());
        return Optional.of(new NewHold(id(), hold, guard, fromWaitlist, new QuotaEvent.SlotHeld(ref(), hold, now)));
    }
}
