package cn.referral.referral.domain.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralState;

/**
 * The referral KPIs the alliance is assessed on, over the referrals submitted in a period:
 * <ul>
 * <li>up and down counts and 双向转诊比例 ({@code downToUpRatio} = down ÷ up);</li>
 * <li>down-referral growth against the previous period of equal length, and whether it reaches
 *     {@link #DOWN_GROWTH_TARGET} (10 %);</li>
 * <li>acceptance rate (accepted ÷ decided, decided = accepted, rejected or expired) and the median
 *     time from submission to acceptance;</li>
 * <li>reserved-slot utilization = confirmed ÷ (held + released unused), from quota's events;</li>
 * <li>the top 5 up-referred diagnoses, the override rate (outside the catalog ÷ all), SLA breaches
 *     (escalations and expiries).</li>
 * </ul>
 * Seed 001 (五) 3: “由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊人数年增长率达到10%以上”; (九):
 * “实现近三年县域外转诊率排名前 5 位的病种转诊率明显下降”; (十五): “基层诊疗量占比、双向转诊比例 … 等指标纳入考核体系”.
 */
public final class ReferralKpis {

    public static final double DOWN_GROWTH_TARGET = 0.10;
    private static final int TOP = 5;

    private ReferralKpis() {
    }

    public static KpiReport compute(LocalDate from, LocalDate to, String allianceId, List<ReferralFact> period,
                                    long previousDownCount, SlotFacts slots) {
        long up = count(period, f -> f.direction() == Direction.UP);
        long down = count(period, f -> f.direction() == Direction.DOWN);
        Double growth = previousDownCount == 0 ? null : (double) (down - previousDownCount) / previousDownCount;
        long accepted = count(period, f -> f.acceptedAt() != null);
        long decided = count(period, f -> f.acceptedAt() != null || f.state() == ReferralState.REJECTED
                || f.state() == ReferralState.EXPIRED);
        List<Duration> toAccept = period.stream().filter(f -> f.acceptedAt() != null)
                .map(f -> Duration.between(f.submittedAt(), f.acceptedAt())).sorted().toList();
        long overridden = count(period, ReferralFact::overridden);
        long offered = slots.held() + slots.releasedUnused();
        Map<String, Long> upDiagnoses = period.stream().filter(f -> f.direction() == Direction.UP)
                .collect(Collectors.groupingBy(ReferralFact::diagnosisCode, Collectors.counting()));
        List<KpiReport.DiagnosisCount> top = upDiagnoses.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(e -> new KpiReport.DiagnosisCount(e.getKey(), e.getValue())).toList();
        return new KpiReport(from, to, allianceId, up, down, ratio(down, up), previousDownCount, growth,
                growth != null && growth >= DOWN_GROWTH_TARGET, decided, accepted, ratio(accepted, decided),
                median(toAccept), slots, ratio(slots.confirmed(), offered), top, overridden,
                ratio(overridden, period.size()), count(period, ReferralFact::escalated),
                count(period, f -> f.state() == ReferralState.EXPIRED));
    }

    private static long count(List<ReferralFact> facts, java.util.function.Predicate<ReferralFact> which) {
        return facts.stream().filter(which).count();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
