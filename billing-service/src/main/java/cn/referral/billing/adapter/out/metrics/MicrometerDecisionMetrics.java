package cn.referral.billing.adapter.out.metrics;

import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.DecisionMetrics;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.policy.RuleCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus names: {@code billing_decisions_issued_total{rule,region}},
 * {@code billing_decisions_revoked_total{rule,region}}, {@code billing_deductible_waived_fen_total{rule,region}},
 * {@code billing_decisions_no_schedule_total{region}} (alert: a region settles without a schedule) and
 * {@code billing_reference_data_missing_total} (alert: accepts wait for registry snapshots).
 */
@Component
class MicrometerDecisionMetrics implements DecisionMetrics {

    private final MeterRegistry meters;

    MicrometerDecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void issued(DeductibleDecision decision) {
        String rule = decision.assessment().rule().name();
        String region = decision.region().value();
        Counter.builder("billing.decisions.issued").description("Deductible decisions issued, by rule")
                .tag("rule", rule).tag("region", region).register(meters).increment();
        if (decision.assessment().amountsKnown()) {
            Counter.builder("billing.deductible.waived.fen").description("Deductible waived by issued decisions, in fen")
                    .baseUnit("fen").tag("rule", rule).tag("region", region).register(meters)
                    .increment(decision.assessment().waived().value());
        }
        if (decision.assessment().rule() == RuleCode.NO_SCHEDULE) {
            Counter.builder("billing.decisions.no.schedule")
                    .description("Decisions issued without a deductible schedule for the region: configure one")
                    .tag("region", region).register(meters).increment();
        }
    }

    @Override
    public void revoked(DeductibleDecision decision) {
        Counter.builder("billing.decisions.revoked").description("Deductible decisions revoked, by rule")
                .tag("rule", decision.assessment().rule().name()).tag("region", decision.region().value())
                .register(meters).increment();
    }

    @Override
    public void referenceDataMissing() {
        Counter.builder("billing.reference.data.missing")
                .description("Accepted referrals naming an institution the registry view lacks (retried, then dead-lettered)")
                .register(meters).increment();
    }
}
