package cn.referral.referral.adapter.in.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.web.ProblemException;
import cn.referral.referral.application.port.in.KpiUseCases;
import cn.referral.referral.domain.kpi.KpiReport;
import cn.referral.referral.domain.kpi.SlotFacts;
import cn.referral.referral.domain.policy.DownReferralToPrimaryCare;
import reactor.core.publisher.Mono;

/**
 * Referral KPIs of a period ({@code from}, {@code to} inclusive, calendar days in China time), everywhere
 * or in one alliance, institution or region; each indicator's formula and seed sentence are in
 * {@code docs/kpis.md}. Dates lie in 2000–2099, {@code to} is not before {@code from}, and a report
 * covers at most {@value #MAX_YEARS} years: anything else is a 400 naming the parameter.
 */
@RestController
class KpiController {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    static final int MAX_YEARS = 10;
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final KpiUseCases kpis;

    KpiController(KpiUseCases kpis) {
        this.kpis = kpis;
    }

    @GetMapping("/kpis")
    Mono<KpiResponse> report(@RequestParam("from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam("to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(name = "allianceId", required = false) String allianceId,
                             @RequestParam(name = "institutionId", required = false) String institutionId,
                             @RequestParam(name = "regionCode", required = false) String regionCode, Caller caller) {
        return Mono.defer(() -> {
            inRange("from", from);
            inRange("to", to);
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "must not be before from (" + from + ")");
            }
            if (!to.isBefore(from.plusYears(MAX_YEARS))) {
                throw ProblemException.invalidField("to", "a report covers at most " + MAX_YEARS + " years");
            }
            matches("allianceId", allianceId, ID, "must be an id of letters, digits and . _ : -");
            matches("institutionId", institutionId, ID, "must be an id of letters, digits and . _ : -");
            matches("regionCode", regionCode, REGION_CODE, "must be a six-digit GB/T 2260 region code");
            long scopes = Stream.of(allianceId, institutionId, regionCode).filter(Objects::nonNull).count();
            if (scopes > 1) {
                throw ProblemException.invalidField(regionCode != null ? "regionCode" : "institutionId",
                        "name at most one of allianceId, institutionId and regionCode");
            }
            return kpis.report(from, to, allianceId == null ? null : new AllianceId(allianceId),
                    institutionId == null ? null : new InstitutionId(institutionId), regionCode, caller)
                    .map(KpiResponse::of);
        });
    }

    private static void inRange(String parameter, LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw ProblemException.invalidField(parameter, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    private static void matches(String parameter, String value, Pattern shape, String message) {
        if (value != null && !shape.matcher(value).matches()) {
            throw ProblemException.invalidField(parameter, message);
        }
    }

    record KpiResponse(LocalDate from, LocalDate to, Scope scope, long upCount, long downCount,
                       TwoWay twoWayReferral, List<KpiReport.YearGrowth> downReferralGrowth,
                       double downReferralGrowthTarget, long decided, long accepted, Double acceptanceRate,
                       Long medianSecondsToAccept, SlotFacts reservedSlots, Double reservedSlotUtilization,
                       List<KpiReport.DiagnosisRate> topOutOfCountyDiagnoses, long overridden, Double overrideRate,
                       long slaEscalations, long slaExpiries) {

        /** Whose referrals were counted; all empty: everyone's. */
        record Scope(String allianceId, String institutionId, String regionPrefix) {
        }

        /** 双向转诊比例: accepted down-referrals ÷ accepted up-referrals. */
        record TwoWay(long acceptedUp, long acceptedDown, Double downToUpRatio) {
        }

        static KpiResponse of(KpiReport report) {
            return new KpiResponse(report.from(), report.to(), new Scope(
                    report.scope().allianceId() == null ? null : report.scope().allianceId().value(),
                    report.scope().institutionId() == null ? null : report.scope().institutionId().value(),
                    report.scope().regionPrefix()), report.upCount(),
                    report.downCount(), new TwoWay(report.acceptedUpCount(), report.acceptedDownCount(),
                    report.twoWayReferralRatio()), report.downReferralGrowth(),
                    DownReferralToPrimaryCare.YEARLY_GROWTH_TARGET, report.decided(), report.accepted(),
                    report.acceptanceRate(),
                    report.medianTimeToAccept() == null ? null : report.medianTimeToAccept().toSeconds(),
                    report.slots(), report.reservedSlotUtilization(), report.topOutOfCountyDiagnoses(),
                    report.overridden(), report.overrideRate(), report.escalations(), report.expiries());
        }
    }
}
