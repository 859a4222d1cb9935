package cn.referral.referral.domain.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The referral KPIs of one period (see {@link ReferralKpis} for what each means). */
public record KpiReport(LocalDate from, LocalDate to, String allianceId, long upCount, long downCount,
                        Double downToUpRatio, long previousDownCount, Double downGrowth, boolean downGrowthTargetMet,
                        long decided, long accepted, Double acceptanceRate, Duration medianTimeToAccept,
                        SlotFacts slots, Double reservedSlotUtilization, List<DiagnosisCount> topUpDiagnoses,
                        long overridden, Double overrideRate, long escalations, long expiries) {

    public record DiagnosisCount(String diagnosisCode, long count) {
    }
}
