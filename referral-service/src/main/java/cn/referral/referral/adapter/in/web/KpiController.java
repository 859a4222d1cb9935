package cn.referral.referral.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.in.KpiUseCases;
import cn.referral.referral.domain.kpi.KpiReport;
import cn.referral.referral.domain.kpi.SlotFacts;
import reactor.core.publisher.Mono;

/** Referral KPIs of a period ({@code from}, {@code to} inclusive, calendar days), in one alliance or all. */
@RestController
class KpiController {

    private final KpiUseCases kpis;

    KpiController(KpiUseCases kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    Mono<KpiResponse> report(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam("to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(name = "allianceId", required = false) String allianceId, Caller caller) {
        return kpis.report(from, to, allianceId, caller).map(KpiResponse::of);
    }

    record KpiResponse(LocalDate from, LocalDate to, String allianceId, long upCount, long downCount,
                       Double downToUpRatio, long previousPeriodDownCount, Double downGrowth,
                       double downGrowthTarget, boolean downGrowthTargetMet, long decided, long accepted,
                       Double acceptanceRate, Long medianSecondsToAccept, SlotFacts reservedSlots,
                       Double reservedSlotUtilization, List<KpiReport.DiagnosisCount> topUpReferredDiagnoses,
                       long overridden, Double overrideRate, long slaEscalations, long slaExpiries) {

        static KpiResponse of(KpiReport report) {
            return new KpiResponse(report.from(), report.to(), report.allianceId(), report.upCount(),
                    report.downCount(), report.downToUpRatio(), report.previousDownCount(), report.downGrowth(),
                    cn.referral.referral.domain.kpi.ReferralKpis.DOWN_GROWTH_TARGET, report.downGrowthTargetMet(),
                    report.decided(), report.accepted(), report.acceptanceRate(),
                    report.medianTimeToAccept() == null ? null : report.medianTimeToAccept().toSeconds(),
                    report.slots(), report.reservedSlotUtilization(), report.topUpDiagnoses(), report.overridden(),
                    report.overrideRate(), report.escalations(), report.expiries());
        }
    }
}
