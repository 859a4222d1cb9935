package cn.referral.referral.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import cn.referral.referral.domain.referral.Deadlines;
import cn.referral.referral.domain.referral.Urgency;

/**
 * How long the target has to accept a referral, by urgency, and when a still-undecided referral is
 * escalated. Defaults: ROUTINE 48 h (escalate at 24 h), URGENT 4 h (2 h), EMERGENCY 30 min (10 min).
 * <p>
 * Seed 001 (五) 2: “医联体内上级医院对下级医院的转诊患者提供优先接诊、优先检查、优先住院等服务”; (六):
 * “通过预留20%以上的号源、开通绿色通道等方式，对经基层医生转诊的签约患者提供优先接诊”. 优先接诊 only means something
 * with a deadline: these are it.
 */
public final class AcceptanceDeadlines {

    /** Accept within {@code acceptWithin}; escalate when still undecided after {@code escalateAfter}. */
    public record Sla(Duration acceptWithin, Duration escalateAfter) {

        public Sla {
            Objects.requireNonNull(acceptWithin, "acceptWithin");
            Objects.requireNonNull(escalateAfter, "escalateAfter");
            if (escalateAfter.isZero() || escalateAfter.isNegative() || escalateAfter.compareTo(acceptWithin) >= 0) {
                throw new IllegalArgumentException("escalation must come before the acceptance deadline");
            }
        }
    }

    private final Map<Urgency, Sla> slas;

    public AcceptanceDeadlines(Map<Urgency, Sla> slas) {
        EnumMap<Urgency, Sla> all = new EnumMap<>(defaults().slas);
        all.putAll(slas);
        this.slas = Map.copyOf(all);
    }

    private AcceptanceDeadlines(EnumMap<Urgency, Sla> slas) {
        this.slas = Map.copyOf(slas);
    }

    public static AcceptanceDeadlines defaults() {
        EnumMap<Urgency, Sla> slas = new EnumMap<>(Urgency.class);
        slas.put(Urgency.ROUTINE, new Sla(Duration.ofHours(48), Duration.ofHours(24)));
        slas.put(Urgency.URGENT, new Sla(Duration.ofHours(4), Duration.ofHours(2)));
        slas.put(Urgency.EMERGENCY, new Sla(Duration.ofMinutes(30), Duration.ofMinutes(10)));
        return new AcceptanceDeadlines(slas);
    }

    public Deadlines forSubmission(Urgency urgency, Instant submittedAt) {
        Sla sla = slas.get(urgency);
        return new Deadlines(submittedAt.plus(sla.escalateAfter()), submittedAt.plus(sla.acceptWithin()), false);
    }

    public Sla sla(Urgency urgency) {
        return slas.get(urgency);
    }
}
