package cn.referral.referral.application.port.out;

import java.time.Duration;
import java.time.Instant;

import cn.referral.referral.domain.kpi.DiagnosisScopeCount;
import cn.referral.referral.domain.kpi.KpiScope;
import cn.referral.referral.domain.kpi.ReferralCount;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts over the referrals submitted in {@code [from, to)} and in a {@link KpiScope}, grouped by the
 * database: no referral document is read into the service to compute a report.
 */
public interface ReferralReports {

    /** One count per combination of direction, state, acceptance, override and escalation. */
    Flux<ReferralCount> counts(Instant from, Instant to, KpiScope scope);

    /** Up-referrals per ICD-10 category and {@code ReferralScope}. */
    Flux<DiagnosisScopeCount> upReferralsByDiagnosisAndScope(Instant from, Instant to, KpiScope scope);

    /**
     * Distinct persons ({@code patientRef}) of the accepted down-referrals from secondary or tertiary
     * hospitals to primary or chronic-care institutions.
     */
    Mono<Long> personsReferredToPrimaryCare(Instant from, Instant to, KpiScope scope);

    /** The median time from submission to acceptance of the accepted referrals; empty when none was. */
    Mono<Duration> medianTimeToAccept(Instant from, Instant to, KpiScope scope);
}
