package cn.referral.referral.domain.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import cn.referral.referral.domain.policy.DownReferralToPrimaryCare;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralState;

/**
 * The referral KPIs an alliance is assessed on, over the referrals submitted in a period (China time),
 * from counts the database has already grouped; see {@code docs/kpis.md} for each formula.
 * <ul>
 * <li>双向转诊比例 — seed 001 (十五): “基层诊疗量占比、双向转诊比例 … 等指标纳入考核体系”: accepted
 *     down-referrals ÷ accepted up-referrals (a referral the target never took is not a referral made).</li>
 * <li>下转人数年增长率 — seed 001 (五) 3: “由二、三级医院向基层医疗卫生机构、慢性病医疗机构转诊人数年增长率达到10%以上”:
 *     distinct persons per calendar year, against the year before ({@link DownReferralToPrimaryCare});
 *     the target is judged for whole years only.</li>
 * <li>县域外转诊率前 5 位的病种 — seed 001 (九): “实现近三年县域外转诊率排名前 5 位的病种转诊率明显下降”: per ICD-10
 *     category, out-of-county up-referrals ÷ all its up-referrals; highest rate first, then more
 *     out-of-county referrals, then the code.</li>
 * <li>acceptance rate (accepted ÷ decided), median time to accept, reserved-slot utilization
 *     (confirmed ÷ (held + released unused)), override rate, SLA escalations and expiries (DESIGN §4).</li>
 * </ul>
 */
public final class ReferralKpis {

    public static final int TOP_DIAGNOSES = 5;

    private ReferralKpis() {
    }

    public static KpiReport compute(LocalDate from, LocalDate to, KpiScope scope, List<ReferralCount> counts,
                                    List<YearlyPersons> yearly, List<DiagnosisScopeCount> diagnoses,
                                    Duration medianTimeToAccept, SlotFacts slots, LocalDate today) {
        long up = sum(counts, c -> c.direction() == Direction.UP);
        long down = sum(counts, c -> c.direction() == Direction.DOWN);
        long acceptedUp = sum(counts, c -> c.direction() == Direction.UP && c.wasAccepted());
        long acceptedDown = sum(counts, c -> c.direction() == Direction.DOWN && c.wasAccepted());
        long accepted = acceptedUp + acceptedDown;
        long decided = sum(counts, ReferralCount::decided);
        long overridden = sum(counts, ReferralCount::overridden);
        long all = up + down;
        long offered = slots.held() + slots.releasedUnused();
        return new KpiReport(from, to, scope, up, down, acceptedUp, acceptedDown, ratio(acceptedDown, acceptedUp),
                growth(from.getYear(), to.getYear(), yearly, today), decided, accepted, ratio(accepted, decided),
                medianTimeToAccept, slots, ratio(slots.confirmed(), offered), topOutOfCounty(diagnoses), overridden,
                ratio(overridden, all), sum(counts, ReferralCount::escalated),
                sum(counts, c -> c.state() == ReferralState.EXPIRED));
    }

    /** Every calendar year the period touches, against the year before; a year is judged once it is over. */
    static List<KpiReport.YearGrowth> growth(int firstYear, int lastYear, List<YearlyPersons> yearly, LocalDate today) {
        Map<Integer, Long> persons = new TreeMap<>();
        yearly.forEach(y -> persons.merge(y.year(), y.persons(), Long::sum));
        List<KpiReport.YearGrowth> years = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            long now = persons.getOrDefault(year, 0L);
            long before = persons.getOrDefault(year - 1, 0L);
            Double growth = before == 0 ? null : (double) (now - before) / before;
            boolean whole = today.getYear() > year;
            Boolean met = !whole ? null : growth != null && growth >= DownReferralToPrimaryCare.YEARLY_GROWTH_TARGET;
            years.add(new KpiReport.YearGrowth(year, now, before, growth, whole, met));
        }
        return years;
    }

    static List<KpiReport.DiagnosisRate> topOutOfCounty(List<DiagnosisScopeCount> counts) {
        Map<String, long[]> byCategory = new TreeMap<>();
        for (DiagnosisScopeCount count : counts) {
            if (count.scope() == null) {
                continue; // regions unknown at submission: neither in nor out of the county
            }
            long[] totals = byCategory.computeIfAbsent(count.diagnosisCategory(), c -> new long[2]);
            totals[0] += count.count();
            if (count.scope().outOfCounty()) {
                totals[1] += count.count();
            }
        }
        return byCategory.entrySet().stream()
                .filter(e -> e.getValue()[1] > 0)
                .map(e -> new KpiReport.DiagnosisRate(e.getKey(), e.getValue()[0], e.getValue()[1],
                        (double) e.getValue()[1] / e.getValue()[0]))
                .sorted(Comparator.comparingDouble(KpiReport.DiagnosisRate::outOfCountyRate).reversed()
                        .thenComparing(Comparator.comparingLong(KpiReport.DiagnosisRate::outOfCounty).reversed())
                        .thenComparing(KpiReport.DiagnosisRate::diagnosisCategory))
                .limit(TOP_DIAGNOSES)
                .toList();
    }

    private static long sum(List<ReferralCount> counts, Predicate<ReferralCount> which) {
        return counts.stream().filter(which).mapToLong(ReferralCount::count).sum();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
