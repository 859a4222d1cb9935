package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.quota.domain.policy.GreenChannel;
import cn.referral.quota.domain.policy.ReservePolicy;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit of a pool kept for one referral. A reserved hold uses one of the pool's reserved units;
 * a green-channel hold is an EMERGENCY admitted beyond the reserve ({@link GreenChannel}).
 *
 * @param open      the referral is outside the reserve's priority group ({@link ReservePolicy}): it uses
 *                  the part of the reserve left open to others
 * @param expiresAt the referral's accept-by deadline: a hold still not confirmed then is released by
 *                  the ledger itself ({@link Pool#releaseExpired}), even if the referral's expiry event is lost
 */
public record Hold(HoldId holdId, ReferralId referralId, boolean greenChannel, boolean open, HoldStatus status,
                   Instant heldAt, Instant expiresAt) {

    public Hold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(heldAt, "heldAt");
    }

    Hold confirmed() {
        return new Hold(holdId, referralId, greenChannel, open, HoldStatus.CONFIRMED, heldAt, expiresAt);
    }

    /** Held (not confirmed) and past its deadline at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == HoldStatus.HELD && expiresAt != null && !now.isBefore(expiresAt);
    }
}
