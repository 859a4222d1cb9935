package cn.referral.quota.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit of a pool kept for one referral. A reserved hold uses one of the pool's reserved units;
 * a green-channel hold is an EMERGENCY admitted beyond the reserve ({@link GreenChannel}).
 *
 * @param expiresAt the referral's accept-by deadline: if it is not accepted by then, referral-service
 *                  expires it and the hold is released
 */
public record Hold(String holdId, String referralId, boolean greenChannel, HoldStatus status, Instant heldAt,
                   Instant expiresAt) {

    public Hold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(heldAt, "heldAt");
    }

    Hold confirmed() {
        return new Hold(holdId, referralId, greenChannel, HoldStatus.CONFIRMED, heldAt, expiresAt);
    }
}
