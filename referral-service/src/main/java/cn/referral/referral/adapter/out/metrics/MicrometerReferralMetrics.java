package cn.referral.referral.adapter.out.metrics;

import java.time.Duration;

import org.springframework.stereotype.Component;

import cn.referral.referral.application.port.out.ReferralMetrics;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.HistoryEntry;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus business metrics: {@code referral_transitions_total{direction,state,urgency}} counts
 * referrals entering each state, {@code referral_time_to_accept_seconds{direction,urgency}} the time
 * from submission to acceptance, {@code referral_sla_breaches_total{kind}} escalations and expiries,
 * {@code referral_eligibility_overrides_total} referrals outside the catalog.
 */
@Component
class MicrometerReferralMetrics implements ReferralMetrics {

    private final MeterRegistry meters;

    MicrometerReferralMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void saved(Outcome<Referral> outcome) {
        Referral referral = outcome.state();
        String direction = referral.direction().name();
        String urgency = referral.urgency().name();
        for (ReferralEvent event : outcome.events()) {
            if (event instanceof ReferralEvent.Submitted && referral.eligibility().overridden()) {
                meters.counter("referral.eligibility.overrides", "direction", direction).increment();
            }
            if (event instanceof ReferralEvent.Accepted accepted) {
                Timer.builder("referral.time.to.accept").tags("direction", direction, "urgency", urgency)
                        .publishPercentileHistogram().register(meters)
                        .record(Duration.between(referral.submittedAt(), accepted.occurredAt()));
            }
            if (event instanceof ReferralEvent.Escalated || event instanceof ReferralEvent.Expired) {
                meters.counter("referral.sla.breaches", "kind",
                        event instanceof ReferralEvent.Escalated ? "escalated" : "expired", "urgency", urgency).increment();
            }
        }
        HistoryEntry last = referral.history().get(referral.history().size() - 1);
        if (last.from() != last.to()) {
            meters.counter("referral.transitions", "direction", direction, "state", referral.state().name(),
                    "urgency", urgency).increment();
        }
    }
}
