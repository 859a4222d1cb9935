package cn.referral.quota.domain.pool;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.quota.domain.policy.ReserveAfterCutoff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a pool's unheld reserved units go to the public schedule: some time before the session (by
 * default 24 hours), set per institution and resource. An operational setting, not a seed rule
 * ({@code quota.reserve-cutoff}, {@code quota.reserve-cutoffs}): the reserve exists to give referred
 * patients priority (seed 002: "预留20%以上的资源优先保障患者转诊"), not to keep units empty. What the
 * cutoff does to a referral is {@link ReserveAfterCutoff}'s rule.
 *
 * @param beforeSession the default
 * @param settings      institution × resource settings that replace the default
 */
public record ReserveCutoff(Duration beforeSession, List<Setting> settings) {

    public static final Duration DEFAULT = Duration.ofHours(24);

    /** The cutoff of one institution's pools of one resource. */
    public record Setting(InstitutionId institutionId, Resource resource, Duration beforeSession) {
        public Setting {
            Objects.requireNonNull(institutionId, "institutionId");
            Objects.requireNonNull(resource, "resource");
            requireNotNegative(beforeSession);
        }
    }

    public ReserveCutoff {
        requireNotNegative(beforeSession);
        settings = List.copyOf(settings);
    }

    public ReserveCutoff(Duration beforeSession) {
        this(beforeSession, List.of());
    }

    /** How long before its session the pool's reserve goes public. */
    public Duration beforeSessionOf(PoolKey key) {
        return settings.stream()
                .filter(s -> s.institutionId().equals(key.institutionId()) && s.resource() == key.resource())
                .map(Setting::beforeSession)
                .findFirst()
                .orElse(beforeSession);
    }

    public Instant cutoffOf(PoolCounts pool) {
        return pool.sessionStartsAt().minus(beforeSessionOf(pool.key()));
    }

    /** Whether the pool's cutoff has come at {@code now}. */
    public boolean isDue(PoolCounts pool, Instant now) {
        return !now.isBefore(cutoffOf(pool));
    }

    /** The latest session start of any pool that may be due at {@code now} (the longest setting counts). */
    public Instant sessionsStartingBefore(Instant now) {
        Duration longest = settings.stream().map(Setting::beforeSession).reduce(beforeSession,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return now.plus(longest);
    }

    private static void requireNotNegative(Duration beforeSession) {
        Objects.requireNonNull(beforeSession, "beforeSession");
        if (beforeSession.isNegative()) {
            throw new IllegalArgumentException("the cutoff cannot be after the session starts");
        }
    }
}
