package cn.referral.referral.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.referral.referral.domain.policy.AcceptanceDeadlines;
import cn.referral.referral.domain.policy.NoShowRule;
import cn.referral.referral.domain.referral.Urgency;

/**
 * {@code referral.*}: SLA per urgency (defaults from DESIGN §4), no-show grace, the scheduler's
 * poll interval, claim lease and batch, the zone calendar days are counted in, and how long a
 * down-referral's link into its up-referral is left to its submission before the repair job makes it
 * ({@code up-link-grace}, also that job's interval), and the regions (GB/T 2260, a code covers its cities
 * and counties) whose desks receive contracted patients referred by their own primary institution first
 * within an urgency ({@code contracted-first-reception-regions}, seed 001; empty by default).
 */
@ConfigurationProperties("referral")
record ReferralProperties(Map<Urgency, SlaProperties> sla, Duration noShowAfter, Duration timerInterval,
                          Duration timerLease, Integer timerBatch, ZoneId zone, Duration upLinkGrace,
                          List<String> contractedFirstReceptionRegions) {

    record SlaProperties(Duration acceptWithin, Duration escalateAfter) {
    }

    ReferralProperties {
        sla = sla == null ? Map.of() : sla;
        noShowAfter = noShowAfter == null ? NoShowRule.DEFAULT_GRACE : noShowAfter;
        timerInterval = timerInterval == null ? Duration.ofSeconds(10) : timerInterval;
        timerLease = timerLease == null ? Duration.ofSeconds(60) : timerLease;
        timerBatch = timerBatch == null ? 100 : timerBatch;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        upLinkGrace = upLinkGrace == null ? Duration.ofSeconds(30) : upLinkGrace;
        contractedFirstReceptionRegions = contractedFirstReceptionRegions == null ? List.of()
                : contractedFirstReceptionRegions.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    AcceptanceDeadlines deadlines() {
        Map<Urgency, AcceptanceDeadlines.Sla> configured = new EnumMap<>(Urgency.class);
        sla.forEach((urgency, value) -> {
            AcceptanceDeadlines.Sla fallback = AcceptanceDeadlines.defaults().sla(urgency);
            configured.put(urgency, new AcceptanceDeadlines.Sla(
                    value.acceptWithin() == null ? fallback.acceptWithin() : value.acceptWithin(),
                    value.escalateAfter() == null ? fallback.escalateAfter() : value.escalateAfter()));
        });
        return new AcceptanceDeadlines(configured);
    }
}
