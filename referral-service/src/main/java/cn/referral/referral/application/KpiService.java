package cn.referral.referral.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.referral.application.port.in.KpiUseCases;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralReports;
import cn.referral.referral.application.port.out.SlotLedger;
import cn.referral.referral.domain.kpi.DiagnosisScopeCount;
import cn.referral.referral.domain.kpi.KpiReport;
import cn.referral.referral.domain.kpi.KpiScope;
import cn.referral.referral.domain.kpi.ReferralCount;
import cn.referral.referral.domain.kpi.ReferralKpis;
import cn.referral.referral.domain.kpi.SlotFacts;
import cn.referral.referral.domain.kpi.YearlyPersons;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * KPIs, counted by the database ({@link ReferralReports}); aggregate numbers only, no patient data.
 * <p>
 * Who reads what: {@code REGISTRY_ADMIN} and {@code AUDITOR} any scope; an {@code INSURER} the
 * institutions of its own region ({@code region} claim, or a region inside it); an institution's own
 * staff ({@code PRIMARY_DOCTOR}, {@code HOSPITAL_DOCTOR}, {@code REFERRAL_DESK}) their institution's
 * numbers only. Everyone else: 403. The period is checked by the web adapter (dates, order, length).
 */
public class KpiService implements KpiUseCases {

    private final ReferralReports reports;
    private final SlotLedger ledger;
    private final ReferenceData referenceData;
    private final InstitutionDirectory institutions;
    private final ZoneId zone;
    private final Clock clock;

    public KpiService(ReferralReports reports, SlotLedger ledger, ReferenceData referenceData,
                      InstitutionDirectory institutions, ZoneId zone, Clock clock) {
        this.reports = reports;
        this.ledger = ledger;
        this.referenceData = referenceData;
        this.institutions = institutions;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Mono<KpiReport> report(LocalDate from, LocalDate to, AllianceId allianceId, InstitutionId institutionId,
                                  String regionCode, Caller caller) {
        return Mono.defer(() -> scope(allianceId, institutionId, regionCode, caller))
                .flatMap(scope -> report(from, to, scope));
    }

    private Mono<KpiScope> scope(AllianceId allianceId, InstitutionId institutionId, String regionCode, Caller caller) {
        if (caller.hasAny(Role.REGISTRY_ADMIN, Role.AUDITOR)) {
            if (allianceId != null) {
                return referenceData.alliance(allianceId)
                        .map(alliance -> KpiScope.alliance(allianceId, new HashSet<>(alliance.memberInstitutionIds())))
                        .switchIfEmpty(Mono.error(() -> new NotFound("Alliance", allianceId.value())));
            }
            return Mono.just(institutionId != null ? KpiScope.institution(institutionId)
                    : regionCode != null ? KpiScope.region(regionCode) : KpiScope.everywhere());
        }
        if (caller.has(Role.INSURER)) {
            String own = caller.regionCode();
            if (own == null || allianceId != null || institutionId != null) {
                throw new NotPermitted("kpi-insurer-region", "An insurer reads the KPIs of its own region only"
                        + (own == null ? " and the token names none" : ": use regionCode"));
            }
            if (regionCode != null && !KpiScope.within(regionCode, own)) {
                throw new NotPermitted("kpi-insurer-region",
                        "regionCode: " + regionCode + " is outside your region " + own);
            }
            return Mono.just(KpiScope.region(regionCode == null ? own : regionCode));
        }
        if (caller.hasAny(Role.PRIMARY_DOCTOR, Role.HOSPITAL_DOCTOR, Role.REFERRAL_DESK) && caller.institutionId() != null
                && !caller.institutionId().isBlank()) {
            if (allianceId != null || regionCode != null
                    || institutionId != null && !caller.belongsTo(institutionId.value())) {
                throw new NotPermitted("kpi-own-institution",
                        "An institution's staff read their own institution's KPIs only (" + caller.institutionId() + ")");
            }
            return Mono.just(KpiScope.institution(new InstitutionId(caller.institutionId())));
        }
        throw new NotPermitted("kpi-roles",
                "KPIs are for registry admins, auditors, a region's insurer and an institution's own staff");
    }

    private Mono<KpiReport> report(LocalDate from, LocalDate to, KpiScope scope) {
        Instant start = startOf(from);
        Instant end = startOf(to.plusDays(1));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Flux<YearlyPersons> yearly = Flux.range(from.getYear() - 1, to.getYear() - from.getYear() + 2)
                .concatMap(year -> reports.personsReferredToPrimaryCare(startOf(LocalDate.of(year, 1, 1)),
                                startOf(LocalDate.of(year + 1, 1, 1)), scope)
                        .map(persons -> new YearlyPersons(year, persons)));
        return Mono.zip(reports.counts(start, end, scope).collectList(), yearly.collectList(),
                        reports.upReferralsByDiagnosisAndScope(start, end, scope).collectList(),
                        reports.medianTimeToAccept(start, end, scope).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        slotInstitutions(scope).flatMap(ids -> ledger.between(start, end, ids.orElse(null))))
                .map(found -> new ReportInputs(found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                        found.getT5()))
                .map(found -> ReferralKpis.compute(from, to, scope, found.counts(), found.yearly(), found.diagnoses(),
                        found.medianTimeToAccept().orElse(null), found.slots(), today));
    }

    /** What a KPI report is computed from, by name (zipped in this order). */
    private record ReportInputs(List<ReferralCount> counts, List<YearlyPersons> yearly,
                                List<DiagnosisScopeCount> diagnoses, Optional<Duration> medianTimeToAccept,
                                SlotFacts slots) {
    }

    /** The institutions whose reserved units count: all (empty), the alliance's, one, or those of the region. */
    private Mono<Optional<Set<InstitutionId>>> slotInstitutions(KpiScope scope) {
        if (scope.institutionIds() != null) {
            return Mono.just(Optional.of(scope.institutionIds()));
        }
        if (scope.institutionId() != null) {
            return Mono.just(Optional.of(Set.of(scope.institutionId())));
        }
        if (scope.regionPrefix() != null) {
            return institutions.idsInRegion(scope.regionPrefix()).collect(Collectors.toSet())
                    .map(Optional::of);
        }
        return Mono.just(Optional.empty());
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

}
