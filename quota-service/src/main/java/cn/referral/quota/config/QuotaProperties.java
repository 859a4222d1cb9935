package cn.referral.quota.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reserveCutoff      how long before a session its unheld reserve goes public (default 24 h)
 * @param cutoffCheckInterval how often each replica looks for pools whose cutoff has come
 * @param statisticsInterval how often the gauges are refreshed from the stored pools
 * @param zone               the time zone sessions are scheduled in
 */
@ConfigurationProperties("quota")
public record QuotaProperties(Duration reserveCutoff, Duration cutoffCheckInterval, Duration statisticsInterval,
                              ZoneId zone) {

    public QuotaProperties {
        reserveCutoff = reserveCutoff == null ? Duration.ofHours(24) : reserveCutoff;
        cutoffCheckInterval = cutoffCheckInterval == null ? Duration.ofMinutes(1) : cutoffCheckInterval;
        statisticsInterval = statisticsInterval == null ? Duration.ofSeconds(30) : statisticsInterval;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }
}
