package cn.referral.referral.application.port.in;

import java.time.LocalDate;

import cn.referral.platform.security.Caller;
import cn.referral.referral.domain.kpi.KpiReport;
import reactor.core.publisher.Mono;

public interface KpiUseCases {

    /** KPIs of referrals submitted from {@code from} to {@code to} (inclusive), in one alliance or everywhere. */
    Mono<KpiReport> report(LocalDate from, LocalDate to, String allianceId, Caller caller);
}
