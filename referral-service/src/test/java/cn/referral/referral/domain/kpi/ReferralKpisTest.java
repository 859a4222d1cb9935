package cn.referral.referral.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralState;

class ReferralKpisTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static ReferralFact up(String diagnosis, ReferralState state, Duration toAccept, boolean overridden) {
        return new ReferralFact("r", Direction.UP, state, diagnosis, overridden, false, T,
                toAccept == null ? null : T.plus(toAccept));
    }

    @Test
    void countsRatioGrowthAcceptanceAndTopDiagnoses() {
        List<ReferralFact> facts = new ArrayList<>();
        facts.add(up("I63.9", ReferralState.ACCEPTED, Duration.ofHours(1), false));
        facts.add(up("I63.9", ReferralState.COMPLETED, Duration.ofHours(3), false));
        facts.add(up("I21.0", ReferralState.REJECTED, null, true));
        facts.add(up("I21.0", ReferralState.EXPIRED, null, false));
        facts.add(up("C34.1", ReferralState.SUBMITTED, null, false));
        facts.add(new ReferralFact("d1", Direction.DOWN, ReferralState.ACCEPTED, "I63.9", false, true, T,
                T.plus(Duration.ofHours(5))));
        facts.add(new ReferralFact("d2", Direction.DOWN, ReferralState.SUBMITTED, "E11.9", false, false, T, null));

        KpiReport report = ReferralKpis.compute(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, facts, 1,
                new SlotFacts(4, 3, 2));

        assertThat(report.upCount()).isEqualTo(5);
        assertThat(report.downCount()).isEqualTo(2);
        assertThat(report.downToUpRatio()).isEqualTo(0.4);
        assertThat(report.downGrowth()).isEqualTo(1.0);
        assertThat(report.downGrowthTargetMet()).isTrue();
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.decided()).isEqualTo(5);
        assertThat(report.acceptanceRate()).isEqualTo(0.6);
        assertThat(report.medianTimeToAccept()).isEqualTo(Duration.ofHours(3));
        assertThat(report.reservedSlotUtilization()).isEqualTo(0.5);
        assertThat(report.topUpDiagnoses()).extracting(KpiReport.DiagnosisCount::diagnosisCode)
                .containsExactly("I21.0", "I63.9", "C34.1");
        assertThat(report.overrideRate()).isEqualTo(1.0 / 7);
        assertThat(report.escalations()).isEqualTo(1);
        assertThat(report.expiries()).isEqualTo(1);
    }

    @Test
    void anEmptyPeriodHasNoRatesRatherThanFakeZeros() {
        KpiReport report = ReferralKpis.compute(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, List.of(),
                0, new SlotFacts(0, 0, 0));
        assertThat(report.downToUpRatio()).isNull();
        assertThat(report.downGrowth()).isNull();
        assertThat(report.downGrowthTargetMet()).isFalse();
        assertThat(report.acceptanceRate()).isNull();
        assertThat(report.medianTimeToAccept()).isNull();
    }
}
