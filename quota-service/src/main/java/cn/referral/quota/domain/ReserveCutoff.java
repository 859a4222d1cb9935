package cn.referral.quota.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reserved units nobody holds go back to the public schedule some time before the session (by
 * default 24 hours), so no capacity is wasted: the reserve exists to give referred patients
 * priority (seed 002: "预留20%以上的资源优先保障患者转诊"), not to keep units empty.
 */
public record ReserveCutoff(Duration beforeSession) {

    public static final Duration DEFAULT = Duration.ofHours(24);

    public ReserveCutoff {
        Objects.requireNonNull(beforeSession, "beforeSession");
        if (beforeSession.isNegative()) {
            throw new IllegalArgumentException("the cutoff cannot be after the session starts");
        }
    }

    public Instant cutoffOf(Pool pool) {
        return pool.sessionStartsAt().minus(beforeSession);
    }

    /** Whether the pool's unheld reserve is due to go public at {@code now}. */
    public boolean isDue(Pool pool, Instant now) {
        return !now.isBefore(cutoffOf(pool));
    }

    /** The latest session start whose pools are due at {@code now}. */
    public Instant sessionsStartingBefore(Instant now) {
        return now.plus(beforeSession);
    }
}
