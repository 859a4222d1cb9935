package cn.referral.billing.adapter.in.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.referral.billing.application.port.in.PolicyUseCases;
import cn.referral.billing.application.port.in.ScheduleUseCases;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.platform.application.NotFound;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import reactor.core.publisher.Mono;

class LocalDemoDataTest {

    private final Map<String, DeductibleSchedule> schedules = new HashMap<>();
    private final Map<String, RegionPolicy> policies = new HashMap<>();
    private final List<String> writes = new ArrayList<>();

    private final LocalDemoData demo = new LocalDemoData(new ScheduleUseCases() {
        @Override
        public Mono<DeductibleSchedule> define(Caller caller, DeductibleSchedule schedule) {
            assertThat(caller.has(Role.REGISTRY_ADMIN)).isTrue();
            writes.add(schedule.key());
            schedules.put(schedule.key(), schedule);
            return Mono.just(schedule);
        }

        @Override
        public Mono<DeductibleSchedule> find(RegionCode region, InsuranceScheme scheme, int year) {
            return Mono.justOrEmpty(schedules.get(DeductibleSchedule.key(region, scheme, year)))
                    .switchIfEmpty(Mono.error(() -> new NotFound("Schedule", region + "/" + scheme + "/" + year)));
        }

        @Override
        public Mono<cn.referral.billing.application.port.in.DeductibleCheck> checkPaid(RegionCode region,
                InsuranceScheme scheme, cn.referral.platform.domain.InstitutionId sourceInstitutionId,
                java.time.LocalDate admissionDate,
                cn.referral.billing.domain.Fen paid) {
            return Mono.empty();
        }
    }, new PolicyUseCases() {
        @Override
        public Mono<RegionPolicy> define(Caller caller, RegionPolicy policy) {
            writes.add(policy.region().value());
            policies.put(policy.region().value(), policy);
            return Mono.just(policy);
        }

        @Override
        public Mono<RegionPolicy> find(RegionCode region) {
            return Mono.justOrEmpty(policies.get(region.value()))
                    .switchIfEmpty(Mono.error(() -> new NotFound("Policy", region.value())));
        }
    }, Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC));

    @Test
    void loadsTheSeedRegionsForThisYearAndNextInChinaStandardTime() {
        demo.run(null);

        assertThat(policies).containsOnlyKeys("350000", "350583", "330300", "220200");
        List<String> bothSchemesOfEverySampleRegionThisYearAndNext = LocalDemoData.regions().stream()
                .flatMap(region -> Stream.of(InsuranceScheme.values()).flatMap(scheme -> IntStream.of(2027, 2028)
                        .mapToObj(year -> DeductibleSchedule.key(new RegionCode(region.code()), scheme, year))))
                .toList();
        assertThat(schedules).containsOnlyKeys(bothSchemesOfEverySampleRegionThisYearAndNext)
                .containsKeys("350583:EMPLOYEE:2027", "220200:RESIDENT:2028");
        assertThat(policies.get("350583").rules()).extracting(PolicyRule::rule)
                .containsExactly(RuleCode.NO_SECOND_DEDUCTIBLE);
        assertThat(policies.get("350000").rules()).singleElement().satisfies(rule -> {
            assertThat(rule.rule()).isEqualTo(RuleCode.NO_SECOND_DEDUCTIBLE);
            assertThat(rule.allianceTypes()).as("any kind of 医联体").containsExactlyInAnyOrder(AllianceType.values());
        });
        assertThat(policies.get("330300").rules()).singleElement()
                .satisfies(rule -> assertThat(rule.rule()).isEqualTo(RuleCode.CONTINUOUS));
        assertThat(policies.get("220200").rules()).extracting(PolicyRule::rule)
                .containsExactly(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, RuleCode.CONTINUOUS);
    }

    @Test
    void eachRegionCarriesOnlyTheSentencesOfItsOwnSeed() {
        demo.run(null);

        assertThat(policies.values()).allSatisfy(policy -> assertThat(policy.rules()).allSatisfy(rule -> {
            assertThat(rule.seed()).as("every demo line names its seed").isNotNull();
            assertThat(rule.seed().issuedFor()).as(policy.region() + " cites its own document")
                    .isEqualTo(policy.region());
            assertThat(policy.policyBasis()).contains("seed " + rule.seed().file().substring(0, 3));
        }));
        assertThat(policies.values()).flatExtracting(RegionPolicy::rules)
                .filteredOn(rule -> rule.rule() == RuleCode.WAIVE_PRIMARY_DEDUCTIBLE)
                .as("only Jilin's seed 001 waives the primary deductible")
                .allSatisfy(rule -> assertThat(rule.seed()).isEqualTo(Seed.SEED_001));
    }

    @Test
    void labelsEveryAmountAsASampleNotAnOfficialFigure() {
        demo.run(null);

        assertThat(schedules.values()).allSatisfy(schedule -> assertThat(schedule.note()).contains("sample amounts, not official"));
        assertThat(policies.values()).allSatisfy(policy -> {
            assertThat(policy.description()).contains("sample amounts, not official");
            assertThat(policy.policyBasis()).contains("sample amounts, not official");
        });
    }

    @Test
    void aSecondStartChangesNothing() {
        demo.run(null);
        int first = writes.size();

        demo.run(null);

        assertThat(writes).hasSize(first);
    }
}
