package cn.referral.quota.config;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;

import cn.referral.platform.scheduling.PeriodicJob;
import cn.referral.quota.application.HoldService;
import cn.referral.quota.application.PoolService;
import cn.referral.quota.application.PoolStatisticsService;
import cn.referral.quota.application.ReserveCutoffService;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.in.ReserveCutoffUseCase;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.domain.ReserveCutoff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

    @Bean
    ReserveCutoff reserveCutoff(QuotaProperties properties) {
        return new ReserveCutoff(properties.reserveCutoff());
    }

    @Bean
    HoldUseCases holdUseCases(PoolStore pools, ReferralRegister referrals, QuotaMetrics metrics, ReserveCutoff cutoff,
                              Clock clock, IdGenerator ids) {
        return new HoldService(pools, referrals, metrics, cutoff, clock, idSupplier(ids));
    }

    @Bean
    PoolUseCases poolUseCases(PoolStore pools, QuotaMetrics metrics, Clock clock, QuotaProperties properties,
                              IdGenerator ids) {
        return new PoolService(pools, metrics, clock, properties.zone(), idSupplier(ids));
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

    @Bean
    PeriodicJob poolStatisticsJob(PoolStore pools, QuotaMetrics metrics, Clock clock, QuotaProperties properties) {
        PoolStatisticsService statistics = new PoolStatisticsService(pools, metrics, clock);
        return new PeriodicJob("pool-statistics", properties.statisticsInterval(), statistics::refresh);
    }

    private static Supplier<String> idSupplier(IdGenerator ids) {
        return () -> ids.generateId().toString();
    }
}
