package cn.referral.quota.config;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.scheduling.PeriodicJob;
import cn.referral.quota.application.HoldService;
import cn.referral.quota.application.PoolService;
import cn.referral.quota.application.PoolStatisticsService;
import cn.referral.quota.application.QuotaLedger;
import cn.referral.quota.application.RegistrySnapshotService;
import cn.referral.quota.application.ReserveCutoffService;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.in.RegistrySnapshots;
import cn.referral.quota.application.port.in.ReserveCutoffUseCase;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferenceViews;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.policy.ReservePolicies;
import cn.referral.quota.domain.policy.ReservePolicy;
import cn.referral.quota.domain.pool.ReserveCutoff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

    @Bean
    ReserveCutoff reserveCutoff(QuotaProperties properties) {
        return new ReserveCutoff(properties.reserveCutoff(), properties.reserveCutoffs().stream()
                .map(s -> new ReserveCutoff.Setting(new InstitutionId(s.institutionId()), s.resource(),
                        s.beforeSession()))
                .toList());
    }

    @Bean
    ReservePolicies reservePolicies(QuotaProperties properties) {
        Map<String, ReservePolicy> byRegion = new LinkedHashMap<>();
        properties.regionPolicies().forEach((region, setting) -> byRegion.put(region, toPolicy(region, setting)));
        return new ReservePolicies(byRegion);
    }

    static ReservePolicy toPolicy(String region, QuotaProperties.RegionPolicy setting) {
        if (setting.serves() == null) {
            throw new IllegalArgumentException("quota.region-policies." + region + ".serves: required");
        }
        return switch (setting.serves()) {
            case ANY_REFERRAL -> new ReservePolicy.AnyReferral();
            case CONTRACTED_FIRST -> new ReservePolicy.ContractedFirst(
                    setting.openPercent() == null ? 0 : setting.openPercent());
        };
    }

    @Bean
    QuotaLedger quotaLedger(PoolStore pools, WaitlistStore waitlist, ReferralRegister referrals,
                            QuotaMetrics metrics, ReservePolicies policies, ReferenceViews views) {
        return new QuotaLedger(pools, waitlist, referrals, metrics, policies, views);
    }

    @Bean
    HoldUseCases holdUseCases(QuotaLedger ledger, ReserveCutoff cutoff, Clock clock, QuotaProperties properties,
                              IdGenerator ids) {
        return new HoldService(ledger, cutoff, clock, properties.zone(), properties.holdExpiryGrace(), idSupplier(ids));
    }

    @Bean
    PoolUseCases poolUseCases(QuotaLedger ledger, Clock clock, QuotaProperties properties, IdGenerator ids) {
        return new PoolService(ledger, clock, properties.zone(), idSupplier(ids));
    }

    @Bean
    RegistrySnapshots registrySnapshots(ReferenceViews views) {
        return new RegistrySnapshotService(views);
    }

    @Bean
    ReserveCutoffUseCase reserveCutoffUseCase(PoolStore pools, QuotaMetrics metrics, ReserveCutoff cutoff,
                                              Clock clock) {
        return new ReserveCutoffService(pools, metrics, cutoff, clock);
    }

    /** Every replica runs it; the per-pool compare-and-set makes each release happen once. */
    @Bean
    PeriodicJob reserveCutoffJob(ReserveCutoffUseCase cutoff, QuotaProperties properties) {
        return new PeriodicJob("reserve-cutoff", properties.cutoffCheckInterval(), cutoff::releaseDueReserves);
    }

    /**
     * Every replica runs it; each expired hold is released by a compare-and-set on its pool's
     * revision, so it is released (and its unit handed on) once, whichever replica gets there first.
     */
    @Bean
    PeriodicJob holdExpiryJob(HoldUseCases holds, QuotaProperties properties) {
        return new PeriodicJob("hold-expiry", properties.holdExpiryInterval(), holds::releaseExpiredHolds);
    }

    @Bean
    PeriodicJob poolStatisticsJob(PoolStore pools, WaitlistStore waitlist, QuotaMetrics metrics, Clock clock,
                                  QuotaProperties properties) {
        PoolStatisticsService statistics = new PoolStatisticsService(pools, waitlist, metrics, clock);
        return new PeriodicJob("pool-statistics", properties.statisticsInterval(), statistics::refresh);
    }

    private static Supplier<String> idSupplier(IdGenerator ids) {
        return () -> ids.generateId().toString();
    }
}
