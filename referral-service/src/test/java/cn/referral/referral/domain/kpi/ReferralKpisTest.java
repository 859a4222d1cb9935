package cn.referral.referral.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralScope;
import cn.referral.referral.domain.referral.ReferralState;

/** Each indicator of docs/kpis.md from counts as the database groups them. */
class ReferralKpisTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static ReferralCount cell(Direction direction, ReferralState state, boolean accepted, long n) {
        return new ReferralCount(direction, state, accepted, false, false, n);
    }

    private static KpiReport report(List<ReferralCount> counts) {
        return ReferralKpis.compute(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 24), KpiScope.everywhere(),
                counts, List.of(), List.of(), null, new SlotFacts(0, 0, 0), TODAY);
    }

    // ---- 双向转诊比例: accepted down ÷ accepted up

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                          | up state  | up accepted flag | down state | down accepted flag | acceptedUp | acceptedDown | ratio
            submitted only: nothing accepted, no ratio      | SUBMITTED | false            | SUBMITTED  | false              | 0          | 0            |
            both accepted                                   | ACCEPTED  | false            | ACCEPTED   | false              | 4          | 2            | 0.5
            completed and no-show were accepted before      | COMPLETED | false            | NO_SHOW    | false              | 4          | 2            | 0.5
            cancelled after acceptance counts, rejected not | CANCELLED | true             | REJECTED   | false              | 4          | 0            | 0.0
            cancelled before acceptance does not count      | CANCELLED | false            | ARRIVED    | false              | 0          | 2            |
            """)
    void twoWayReferralRatioCountsAcceptedReferralsOnly(String name, ReferralState upState, boolean upFlag,
                                                         ReferralState downState, boolean downFlag, long acceptedUp,
                                                         long acceptedDown, Double ratio) {
        KpiReport report = report(List.of(cell(Direction.UP, upState, upFlag, 4), cell(Direction.DOWN, downState,
                downFlag, 2), cell(Direction.UP, ReferralState.SUBMITTED, false, 10)));

        assertThat(report.upCount()).as("submitted up").isEqualTo(14);
        assertThat(report.downCount()).as("submitted down").isEqualTo(2);
        assertThat(report.acceptedUpCount()).isEqualTo(acceptedUp);
        assertThat(report.acceptedDownCount()).isEqualTo(acceptedDown);
        assertThat(report.twoWayReferralRatio()).isEqualTo(ratio);
    }

    // ---- 下转人数年增长率 ≥ 10 %, whole years only

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                     | year | persons | year before | growth | whole year | target met
            over the target in a finished year          | 2025 | 110     | 100         | 0.1    | true       | true
            just under the target                       | 2025 | 109     | 100         | 0.09   | true       | false
            fewer persons than the year before          | 2025 | 80      | 100         | -0.2   | true       | false
            nobody the year before: no growth, not met  | 2025 | 50      | 0           |        | true       | false
            the running year is not judged              | 2026 | 500     | 100         | 4.0    | false      |
            """)
    void downReferralGrowthIsPersonsPerCalendarYearAgainstTheYearBefore(String name, int year, long persons,
                                                                         long before, Double growth, boolean whole,
                                                                         Boolean met) {
        List<KpiReport.YearGrowth> years = ReferralKpis.growth(year, year,
                List.of(new YearlyPersons(year - 1, before), new YearlyPersons(year, persons)), TODAY);

        assertThat(years).singleElement().satisfies(y -> {
            assertThat(y.year()).isEqualTo(year);
            assertThat(y.persons()).isEqualTo(persons);
            assertThat(y.previousYearPersons()).isEqualTo(before);
            if (growth == null) {
                assertThat(y.growth()).isNull();
            } else {
                assertThat(y.growth()).isCloseTo(growth, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(y.wholeYear()).isEqualTo(whole);
            assertThat(y.targetMet()).isEqualTo(met);
        });
    }

    @Test
    void aPeriodAcrossYearsShowsEveryYearItTouches() {
        List<KpiReport.YearGrowth> years = ReferralKpis.growth(2024, 2026, List.of(new YearlyPersons(2023, 10),
                new YearlyPersons(2024, 20), new YearlyPersons(2026, 5)), TODAY);

        assertThat(years).extracting(KpiReport.YearGrowth::year).containsExactly(2024, 2025, 2026);
        assertThat(years).extracting(KpiReport.YearGrowth::persons).containsExactly(20L, 0L, 5L);
        assertThat(years).extracting(KpiReport.YearGrowth::targetMet).containsExactly(true, false, null);
    }

    // ---- 县域外转诊率排名前 5 位的病种

    @Test
    void diagnosesAreRankedByTheirOutOfCountyRateThenByVolumeThenByCode() {
        List<DiagnosisScopeCount> counts = List.of(
                new DiagnosisScopeCount("I63", ReferralScope.IN_COUNTY, 90),
                new DiagnosisScopeCount("I63", ReferralScope.OUT_OF_CITY, 10),      // 10 %, the most referrals
                new DiagnosisScopeCount("C34", ReferralScope.IN_COUNTY, 2),
                new DiagnosisScopeCount("C34", ReferralScope.OUT_OF_PROVINCE, 6),   // 75 %
                new DiagnosisScopeCount("I21", ReferralScope.OUT_OF_COUNTY, 3),     // 100 %, 3
                new DiagnosisScopeCount("Q21", ReferralScope.OUT_OF_PROVINCE, 1),   // 100 %, 1
                new DiagnosisScopeCount("A15", ReferralScope.OUT_OF_CITY, 1),       // 100 %, 1: before Q21 by code
                new DiagnosisScopeCount("E11", ReferralScope.IN_COUNTY, 40),        // 0 %: not ranked
                new DiagnosisScopeCount("J44", ReferralScope.OUT_OF_COUNTY, 1),
                new DiagnosisScopeCount("J44", ReferralScope.IN_COUNTY, 3),         // 25 %
                new DiagnosisScopeCount("K35", null, 7));                          // regions unknown: left out

        List<KpiReport.DiagnosisRate> top = ReferralKpis.topOutOfCounty(counts);

        assertThat(top).extracting(KpiReport.DiagnosisRate::diagnosisCategory)
                .containsExactly("I21", "A15", "Q21", "C34", "J44");
        assertThat(top.get(3)).isEqualTo(new KpiReport.DiagnosisRate("C34", 8, 6, 0.75));
    }

    // ---- acceptance, median, utilization, overrides, SLA

    @Test
    void acceptanceOverridesSlaAndReservedSlotsComeFromTheSameCounts() {
        List<ReferralCount> counts = List.of(
                new ReferralCount(Direction.UP, ReferralState.ACCEPTED, true, false, true, 3),
                new ReferralCount(Direction.UP, ReferralState.REJECTED, false, true, false, 1),
                new ReferralCount(Direction.UP, ReferralState.EXPIRED, false, false, true, 2),
                new ReferralCount(Direction.DOWN, ReferralState.SUBMITTED, false, true, false, 4));

        KpiReport report = ReferralKpis.compute(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 24),
                KpiScope.institution(new InstitutionId("na-county-hospital")), counts, List.of(), List.of(), Duration.ofMinutes(90),
                new SlotFacts(4, 3, 2), TODAY);

        assertThat(report.decided()).isEqualTo(6);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.acceptanceRate()).isEqualTo(0.5);
        assertThat(report.medianTimeToAccept()).isEqualTo(Duration.ofMinutes(90));
        assertThat(report.overridden()).isEqualTo(5);
        assertThat(report.overrideRate()).isEqualTo(0.5);
        assertThat(report.escalations()).isEqualTo(5);
        assertThat(report.expiries()).isEqualTo(2);
        assertThat(report.reservedSlotUtilization()).isEqualTo(0.5);
        assertThat(report.downReferralGrowth()).singleElement().extracting(KpiReport.YearGrowth::targetMet).isNull();
    }

    @Test
    void anEmptyPeriodHasCountsOfZeroAndNoRatios() {
        KpiReport report = report(List.of());
        assertThat(report.upCount()).isZero();
        assertThat(report.twoWayReferralRatio()).isNull();
        assertThat(report.acceptanceRate()).isNull();
        assertThat(report.overrideRate()).isNull();
        assertThat(report.reservedSlotUtilization()).isNull();
        assertThat(report.topOutOfCountyDiagnoses()).isEmpty();
    }

    // ---- regions

    @ParameterizedTest(name = "{0} inside {1}: {2}")
    @CsvSource({"350583, 350583, true", "350583, 350500, true", "350583, 350000, true", "350583, 330300, false",
            "330302, 330300, true", "330302, 330303, false"})
    void aRegionContainsTheCodesThatShareItsPrefix(String code, String region, boolean inside) {
        assertThat(KpiScope.within(code, region)).isEqualTo(inside);
    }
}
