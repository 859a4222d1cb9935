package cn.referral.quota.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.referral.quota.domain.pool.Resource;

/**
 * Operational and region settings of the ledger (documented in the README, "Reserve settings").
 *
 * @param reserveCutoff       how long before a session its unheld reserve goes public (default 24 h)
 * @param reserveCutoffs      the same, for one institution's pools of one resource (replaces the default there)
 * @param regionPolicies      whom the reserve serves, per region code (GB/T 2260; county, city or province);
 *                            a region without one serves any referral (seed 002)
 * @param cutoffCheckInterval how often each replica looks for pools whose cutoff has come
 * @param holdExpiryInterval  how often each replica releases holds past their {@code expiresAt}
 * @param holdExpiryGrace     how long past its {@code expiresAt} an unconfirmed hold waits before the ledger's own clock
 *                            releases it (default 5 min): referral-service takes an acceptance until that instant,
 *                            and its event may reach the ledger after it
 * @param statisticsInterval  how often the gauges are refreshed from the stored pools
 * @param zone                the time zone sessions are scheduled in
 */
@ConfigurationProperties("quota")
public record QuotaProperties(Duration reserveCutoff, List<CutoffSetting> reserveCutoffs,
                              Map<String, RegionPolicy> regionPolicies, Duration cutoffCheckInterval,
                              Duration holdExpiryInterval, Duration holdExpiryGrace, Duration statisticsInterval,
                              ZoneId zone) {

    public QuotaProperties {
        reserveCutoff = reserveCutoff == null ? Duration.ofHours(24) : reserveCutoff;
        reserveCutoffs = reserveCutoffs == null ? List.of() : List.copyOf(reserveCutoffs);
        regionPolicies = regionPolicies == null ? Map.of() : Map.copyOf(regionPolicies);
        cutoffCheckInterval = cutoffCheckInterval == null ? Duration.ofMinutes(1) : cutoffCheckInterval;
        holdExpiryInterval = holdExpiryInterval == null ? Duration.ofSeconds(30) : holdExpiryInterval;
        holdExpiryGrace = holdExpiryGrace == null ? Duration.ofMinutes(5) : holdExpiryGrace;
        if (holdExpiryGrace.isNegative()) {
            throw new IllegalArgumentException("quota.hold-expiry-grace must not be negative");
        }
        statisticsInterval = statisticsInterval == null ? Duration.ofSeconds(30) : statisticsInterval;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    /** {@code quota.reserve-cutoffs[n]}: institution id, resource, and how long before the session. */
    public record CutoffSetting(String institutionId, Resource resource, Duration beforeSession) {
    }

    /**
     * {@code quota.region-policies.<regionCode>}: {@code serves: ANY_REFERRAL} (seed 002) or
     * {@code CONTRACTED_FIRST} (seed 001) with {@code open-percent}, the share of the reserve other
     * referrals may hold (the seed names none; default 0).
     */
    public record RegionPolicy(Serves serves, Integer openPercent) {
        public enum Serves {
            ANY_REFERRAL, CONTRACTED_FIRST
        }
    }
}
