package cn.referral.referral.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.in.KpiUseCases;
import cn.referral.referral.application.port.out.ReferenceData;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.application.port.out.SlotLedger;
import cn.referral.referral.domain.kpi.KpiReport;
import cn.referral.referral.domain.kpi.ReferralKpis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralRuleViolation;
import reactor.core.publisher.Mono;

/** KPIs over stored referrals and quota's slot facts; aggregate numbers only, no patient data. */
public class KpiService implements KpiUseCases {

    private static final long MAX_DAYS = 3 * 366;

    private final ReferralStore store;
    private final SlotLedger ledger;
    private final ReferenceData referenceData;
    private final ZoneId zone;

    public KpiService(ReferralStore store, SlotLedger ledger, ReferenceData referenceData, ZoneId zone) {
        this.store = store;
        this.ledger = ledger;
        this.referenceData = referenceData;
        this.zone = zone;
    }

    @Override
    public Mono<KpiReport> report(LocalDate from, LocalDate to, String allianceId, Caller caller) {
        if (to.isBefore(from)) {
            return Mono.error(new ReferralRuleViolation("kpi-period", "to: must not be before from"));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            return Mono.error(new ReferralRuleViolation("kpi-period", "to: a report covers at most three years"));
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Instant previousStart = from.minusDays(days).atStartOfDay(zone).toInstant();
        Mono<Set<String>> members = allianceId == null || allianceId.isBlank() ? Mono.just(Set.of())
                : referenceData.alliance(allianceId)
                        .map(alliance -> (Set<String>) new HashSet<>(alliance.memberInstitutionIds()))
                        .switchIfEmpty(Mono.error(() -> new NotFound("Alliance", allianceId)));
        return members.flatMap(institutions -> {
            Set<String> scope = institutions.isEmpty() ? null : institutions;
            return Mono.zip(store.facts(start, end, scope).collectList(),
                            store.facts(previousStart, start, scope)
                                    .filter(fact -> fact.direction() == Direction.DOWN).count(),
                            ledger.between(start, end, scope))
                    .map(all -> ReferralKpis.compute(from, to, allianceId, all.getT1(), all.getT2(), all.getT3()));
        });
    }
}
