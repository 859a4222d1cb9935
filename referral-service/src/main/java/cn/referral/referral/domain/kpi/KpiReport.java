package cn.referral.referral.domain.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The referral KPIs of one period and scope (see {@link ReferralKpis} for what each means). */
public record KpiReport(LocalDate from, LocalDate to, KpiScope scope, long upCount, long downCount,
                        long acceptedUpCount, long acceptedDownCount, Double twoWayReferralRatio,
                        List<YearGrowth> downReferralGrowth, long decided, long accepted, Double acceptanceRate,
                        Duration medianTimeToAccept, SlotFacts slots, Double reservedSlotUtilization,
                        List<DiagnosisRate> topOutOfCountyDiagnoses, long overridden, Double overrideRate,
                        long escalations, long expiries) {

    /**
     * 下转人数 of one calendar year against the year before. {@code growth} is {@code null} when the year
     * before had nobody; {@code targetMet} is {@code null} until the year is over (only a whole year is judged).
     */
    public record YearGrowth(int year, long persons, long previousYearPersons, Double growth, boolean wholeYear,
                             Boolean targetMet) {
    }

    /** An ICD-10 category's up-referrals: how many, how many left the county, and the share that did. */
    public record DiagnosisRate(String diagnosisCategory, long referrals, long outOfCounty, double outOfCountyRate) {
    }
}
