package cn.referral.referral.application.port.in;

import java.time.LocalDate;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.referral.domain.kpi.KpiReport;
import reactor.core.publisher.Mono;

public interface KpiUseCases {

    /**
     * KPIs of referrals submitted from {@code from} to {@code to} (inclusive, China time), everywhere or
     * in one alliance, institution or region (at most one of the three). Who may ask for what is decided
     * here: see {@code KpiService}.
     */
    Mono<KpiReport> report(LocalDate from, LocalDate to, AllianceId allianceId, InstitutionId institutionId, String regionCode,
                           Caller caller);
}
