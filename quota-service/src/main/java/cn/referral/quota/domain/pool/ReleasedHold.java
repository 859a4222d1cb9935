package cn.referral.quota.domain.pool;

import java.time.Instant;

/** A hold that was given back; kept so the same referral is never held in this pool again. */
public record ReleasedHold(Hold hold, ReleaseReason reason, Instant releasedAt) {
}
