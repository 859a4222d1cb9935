package cn.referral.billing.adapter.in.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.in.PolicyUseCases;
import cn.referral.billing.application.port.in.ScheduleUseCases;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.billing.domain.region.Scope;
import cn.referral.platform.application.NotFound;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo reference data for the seeds' regions, loaded at startup in the {@code local} profile for
 * this year and the next, only where nothing is defined yet (so an administrator's changes stay).
 * <p>
 * The rules follow the seed documents, each region only its own. <b>The amounts are SAMPLE amounts, not official</b>: they are
 * round numbers of the usual order of magnitude, not any region's published 起付线.
 */
@Component
@Profile("local")
class LocalDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalDemoData.class);
    private static final String SAMPLE = "sample amounts, not official";
    private static final Caller LOADER = new Caller("billing-demo-data", Set.of(Role.REGISTRY_ADMIN), null, null);

    /** Inpatient deductibles per scheme: TERTIARY, SECONDARY, PRIMARY (village clinics admit no inpatients: 0). */
    record Region(String code, String name, long[] employee, long[] resident) {
    }

    private final ScheduleUseCases schedules;
    private final PolicyUseCases policies;
    private final Clock clock;

    LocalDemoData(ScheduleUseCases schedules, PolicyUseCases policies, Clock clock) {
        this.schedules = schedules;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = SettlementDay.of(clock.instant()).getYear();
        Flux.fromIterable(policies())
                .concatMap(this::definePolicy)
                .thenMany(Flux.fromIterable(regions()))
                .concatMap(region -> defineSchedule(region, InsuranceScheme.EMPLOYEE, region.employee(), year)
                        .then(defineSchedule(region, InsuranceScheme.RESIDENT, region.resident(), year))
                        .then(defineSchedule(region, InsuranceScheme.EMPLOYEE, region.employee(), year + 1))
                        .then(defineSchedule(region, InsuranceScheme.RESIDENT, region.resident(), year + 1)))
                .then()
                .block(Duration.ofSeconds(30));
        log.info("Demo deductible policies present for {}, schedules for {} ({})",
                policies().stream().map(policy -> policy.region().value()).toList(),
                regions().stream().map(Region::code).toList(), SAMPLE);
    }

    private Mono<Void> definePolicy(RegionPolicy policy) {
        return policies.find(policy.region())
                .then()
                .onErrorResume(NotFound.class, missing -> policies.define(LOADER, policy).then());
    }

    private Mono<Void> defineSchedule(Region region, InsuranceScheme scheme, long[] inpatient, int year) {
        RegionCode code = new RegionCode(region.code());
        Map<InstitutionLevel, Fen> levels = new EnumMap<>(InstitutionLevel.class);
        levels.put(InstitutionLevel.TERTIARY, Fen.of(inpatient[0]));
        levels.put(InstitutionLevel.SECONDARY, Fen.of(inpatient[1]));
        levels.put(InstitutionLevel.PRIMARY, Fen.of(inpatient[2]));
        levels.put(InstitutionLevel.VILLAGE_CLINIC, Fen.ZERO);
        levels.put(InstitutionLevel.UNRATED, Fen.of(inpatient[0]));
        DeductibleSchedule schedule = new DeductibleSchedule(code, scheme, year, Map.of(CareType.INPATIENT, levels),
                Set.of(CareType.OUTPATIENT, CareType.EXAMINATION),
                region.name() + " inpatient deductibles, " + SAMPLE + "; outpatient and examinations: no deductible", 0);
        return schedules.find(code, scheme, year)
                .then()
                .onErrorResume(NotFound.class, missing -> schedules.define(LOADER, schedule).then());
    }

    /** Sample schedules where the seeds' referrals are insured. */
    static List<Region> regions() {
        return List.of(
                new Region("350583", "Nan'an (南安市)", new long[] {80_000, 50_000, 20_000},
                        new long[] {100_000, 60_000, 20_000}),
                new Region("330300", "Wenzhou (温州市)", new long[] {100_000, 60_000, 30_000},
                        new long[] {120_000, 80_000, 30_000}),
                new Region("220200", "Jilin city (吉林市)", new long[] {90_000, 60_000, 20_000},
                        new long[] {100_000, 50_000, 20_000}));
    }

    /**
     * One policy per seed, in the region that issued it, carrying only that seed's sentences (each
     * line names its seed). Fujian's province-wide sentence (seed 000) reaches Nan'an through the
     * region chain, not by being copied into Nan'an's policy; seed 001 (Jilin) reaches nobody else.
     * Overrides qualify only for Jilin's waiver, whose sentence names no condition; the other lines
     * say 符合规定/按规定, and Fujian's 000 follows its own county document 002 (which implements the
     * province's policy and says 符合规定): region settings, documented in docs/policies.md.
     */
    static List<RegionPolicy> policies() {
        return List.of(
                demoPolicy(Seed.SEED_000, "福建省 (province-wide): no second deductible for a patient transferred inside "
                                + "any kind of 医联体 within one hospitalisation.",
                        "福建省推进医疗联合体建设和发展实施方案",
                        line(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE, Set.of(AllianceType.values()),
                                Seed.SEED_000, false)),
                demoPolicy(Seed.SEED_002, "南安市总医院 (紧密型县域医共体): referred inpatients pay no second deductible "
                                + "inside the 医共体 within one hospitalisation.",
                        "南卫〔2024〕153号 南安市关于进一步推进紧密型县域医疗卫生共同体建设的实施方案",
                        line(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                                Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY), Seed.SEED_002, false)),
                demoPolicy(Seed.SEED_003, "温州市城市医联体: the deductible is counted continuously within one "
                                + "hospitalisation when referred inside the urban medical group.",
                        "温政办〔2020〕94号 温州市人民政府办公室关于推进城市医联体建设的实施意见",
                        line(RuleCode.CONTINUOUS, Scope.IN_ALLIANCE, Set.of(AllianceType.URBAN_MEDICAL_GROUP),
                                Seed.SEED_003, false)),
                demoPolicy(Seed.SEED_001, "吉林市: no primary-care inpatient deductible after a down-referral; the "
                                + "deductible is counted continuously for referred inpatients.",
                        "吉市政办发(2017)52号 吉林市推进多层次医疗联合体建设实施方案",
                        line(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), Seed.SEED_001, true),
                        line(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), Seed.SEED_001, false)));
    }

    /** The demo policy of the region that issued {@code seed}, citing the seed's {@code document}. */
    private static RegionPolicy demoPolicy(Seed seed, String description, String document, PolicyRule... lines) {
        return new RegionPolicy(seed.issuedFor(), description + " Demo policy, " + SAMPLE + ".",
                document + " (seed " + seed.file().substring(0, 3) + "; " + SAMPLE + ")", List.of(lines), 0);
    }

    /** A policy line quoting {@code seed} (no basis of its own). */
    private static PolicyRule line(RuleCode rule, Scope scope, Set<AllianceType> allianceTypes, Seed seed,
                                   boolean overridesQualify) {
        return new PolicyRule(rule, scope, allianceTypes, null, seed, overridesQualify);
    }
}
