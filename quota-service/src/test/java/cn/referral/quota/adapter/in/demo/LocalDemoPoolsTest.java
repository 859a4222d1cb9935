package cn.referral.quota.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.testing.MutableClock;
import cn.referral.quota.application.port.in.OpenPoolCommand;
import cn.referral.quota.application.port.in.PoolStanding;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.in.PoolView;
import cn.referral.quota.config.QuotaProperties;
import cn.referral.quota.domain.policy.ReservedShareRule;
import cn.referral.quota.domain.pool.Resource;
import reactor.core.publisher.Mono;

class LocalDemoPoolsTest {

    private final Map<PoolId, OpenPoolCommand> opened = new ConcurrentHashMap<>();
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-24T20:00:00Z"));
    private final LocalDemoPools demo = new LocalDemoPools(new RecordingPools(), clock,
            new QuotaProperties(null, null, null, null, null, null, null, null));

    @Test
    void opensTwoWeeksOfPoolsAtBothDemoHospitalsFromTodayInChina() {
        demo.run(null);

        // 2026-11-24T20:00Z is already the 25th in Shanghai
        assertThat(opened.values()).extracting(c -> c.key().date()).contains(LocalDate.parse("2026-11-25"),
                LocalDate.parse("2026-12-08")).doesNotContain(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-12-09"));
        assertThat(opened.values()).filteredOn(c -> c.key().institutionId().value().equals("wz-wmu-first-hospital"))
                .hasSize(14 * 2 * 4);
        assertThat(opened.values()).filteredOn(c -> c.key().institutionId().value().equals("na-county-hospital"))
                .extracting(c -> c.key().department()).contains("康复医学科");
        assertThat(opened.values()).filteredOn(c -> c.key().institutionId().value().equals("wz-wmu-first-hospital")
                        && c.key().resource() == Resource.EXPERT_CLINIC)
                .allSatisfy(c -> assertThat(List.of(c.capacity(), c.reserved())).containsExactly(40, 8));
        assertThat(opened.values()).allSatisfy(c -> assertThat(ReservedShareRule.isSatisfiedBy(c.capacity(),
                c.reserved())).isTrue());
    }

    @Test
    void aRestartOpensTheSamePoolsUnderTheSameIds() {
        demo.run(null);
        Map<PoolId, OpenPoolCommand> first = Map.copyOf(opened);
        opened.clear();

        demo.run(null);

        assertThat(opened).isEqualTo(first);
    }

    private final class RecordingPools implements PoolUseCases {

        @Override
        public Mono<Long> openAllIfAbsent(Map<PoolId, OpenPoolCommand> pools) {
            return Mono.just(pools.entrySet().stream()
                    .filter(pool -> opened.putIfAbsent(pool.getKey(), pool.getValue()) == null).count());
        }

        @Override
        public Mono<PoolView> open(OpenPoolCommand command, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PoolView> find(PoolId poolId, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<List<PoolView>> list(InstitutionId institutionId, LocalDate date, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<List<cn.referral.quota.domain.pool.Pool>> reserveOn(InstitutionId institutionId, LocalDate date,
                                                               Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PoolView> resize(PoolId poolId, int capacity, int reserved, Caller caller) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<List<PoolStanding>> standings(ReferralId referralId, Caller caller) {
            throw new UnsupportedOperationException();
        }
    }
}
