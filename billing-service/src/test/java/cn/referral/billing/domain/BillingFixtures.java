package cn.referral.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.referral.billing.domain.decision.DecisionEvent;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferralEligibility;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.decision.SourceEpisode;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AlliancePlacement;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.policy.DeductibleAssessor;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.billing.domain.region.Scope;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

/**
 * The referral network and regional rules the domain tests speak of: a county 医共体 (county
 * hospital + township health centre), an urban medical group (city hospital + community health
 * centre), a Fujian specialty alliance (provincial hospital + the township centre) and a hospital
 * outside any alliance; schedules and policies shaped like the seeds', each region only its own.
 * A referral continuing a stay is admitted at the target on {@link #ADMITTED}, the day the source
 * discharges the patient, and is in the catalog, unless a test says otherwise.
 */
public final class BillingFixtures {

    public static final RegionCode NAN_AN = new RegionCode("350583");
    public static final RegionCode WENZHOU = new RegionCode("330300");
    public static final RegionCode JILIN = new RegionCode("220200");
    public static final RegionCode QUANZHOU = new RegionCode("350500");
    public static final RegionCode FUJIAN = new RegionCode("350000");
    public static final RegionCode UNSCHEDULED = new RegionCode("110100");
    public static final int YEAR = 2026;
    public static final LocalDate ADMITTED = LocalDate.of(YEAR, 11, 24);

    public static final Institution TOWNSHIP_HEALTH_CENTRE = institution("na-shijing-thc", InstitutionLevel.PRIMARY);
    public static final Institution COUNTY_HOSPITAL = institution("na-county-hospital", InstitutionLevel.SECONDARY);
    public static final Institution CITY_HOSPITAL = institution("wz-wmu-first-hospital", InstitutionLevel.TERTIARY);
    public static final Institution COMMUNITY_HEALTH_CENTRE = institution("wz-lucheng-nanhui-chc", InstitutionLevel.PRIMARY);
    public static final Institution UNALLIED_HOSPITAL = institution("unallied-tertiary", InstitutionLevel.TERTIARY);
    public static final Institution PROVINCIAL_HOSPITAL = institution("fj-provincial-hospital", InstitutionLevel.TERTIARY);
    public static final Institution VILLAGE_CLINIC = institution("na-village-clinic", InstitutionLevel.VILLAGE_CLINIC);

    public static final Alliance COUNTY_COMMUNITY = new Alliance(new AllianceId("na-county-community"),
            AllianceType.COUNTY_MEDICAL_COMMUNITY, "350583",
            Set.of(COUNTY_HOSPITAL.id(), TOWNSHIP_HEALTH_CENTRE.id()), true, 1);
    public static final Alliance URBAN_GROUP = new Alliance(new AllianceId("wz-urban-group-wmu1"),
            AllianceType.URBAN_MEDICAL_GROUP, "330300",
            Set.of(CITY_HOSPITAL.id(), COMMUNITY_HEALTH_CENTRE.id()), true, 1);
    public static final Alliance SPECIALTY = new Alliance(new AllianceId("fj-cardiology-alliance"),
            AllianceType.SPECIALTY_ALLIANCE, "350000",
            Set.of(PROVINCIAL_HOSPITAL.id(), TOWNSHIP_HEALTH_CENTRE.id()), true, 1);
    public static final List<Alliance> ALL_ALLIANCES = List.of(COUNTY_COMMUNITY, URBAN_GROUP, SPECIALTY);

    private BillingFixtures() {
    }

    public static Institution institution(String id, InstitutionLevel level) {
        return new Institution(new InstitutionId(id), level, null, true, 1);
    }

    /** Inpatient deductibles TERTIARY, SECONDARY, PRIMARY; village clinics 0; outpatient and examinations none. */
    public static DeductibleSchedule inpatientSchedule(RegionCode region, InsuranceScheme scheme, long tertiary,
                                                       long secondary, long primary) {
        Map<InstitutionLevel, Fen> levels = new EnumMap<>(InstitutionLevel.class);
        levels.put(InstitutionLevel.TERTIARY, Fen.of(tertiary));
        levels.put(InstitutionLevel.SECONDARY, Fen.of(secondary));
        levels.put(InstitutionLevel.PRIMARY, Fen.of(primary));
        levels.put(InstitutionLevel.VILLAGE_CLINIC, Fen.ZERO);
        levels.put(InstitutionLevel.UNRATED, Fen.of(tertiary));
        return new DeductibleSchedule(region, scheme, YEAR, Map.of(CareType.INPATIENT, levels),
                Set.of(CareType.OUTPATIENT, CareType.EXAMINATION), "test amounts", 1);
    }

    public static DeductibleSchedule employeeSchedule(RegionCode region) {
        return inpatientSchedule(region, InsuranceScheme.EMPLOYEE, 100_000, 60_000, 30_000);
    }

    public static DeductibleSchedule residentSchedule(RegionCode region) {
        return inpatientSchedule(region, InsuranceScheme.RESIDENT, 120_000, 80_000, 30_000);
    }

    /** Seed 002: no second deductible inside the county 医共体, catalog referrals (符合规定) only. */
    public static RegionPolicy nanAnPolicy() {
        return policy(NAN_AN, new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY), null, Seed.SEED_002, false));
    }

    /** Seed 000: no second deductible inside any kind of 医联体, province-wide. */
    public static RegionPolicy fujianPolicy() {
        return policy(FUJIAN, new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                Set.of(AllianceType.values()), null, Seed.SEED_000, false));
    }

    /** Seed 003: continuous deductible inside the urban medical group. */
    public static RegionPolicy wenzhouPolicy() {
        return policy(WENZHOU, new PolicyRule(RuleCode.CONTINUOUS, Scope.IN_ALLIANCE,
                Set.of(AllianceType.URBAN_MEDICAL_GROUP), null, Seed.SEED_003, false));
    }

    /** Seed 001: waive the primary inpatient deductible on down-referral (overrides too), continuous for any referral. */
    public static RegionPolicy jilinPolicy() {
        return policy(JILIN,
                new PolicyRule(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_001, true),
                new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_001, false));
    }

    public static RegionPolicy policy(RegionCode region, PolicyRule... rules) {
        return new RegionPolicy(region, "test policy", "test basis", List.of(rules), 1);
    }

    /** A referral continuing a stay the source ends on the admission day, in the catalog; none when paid is null. */
    public static ReferredCare referral(RegionCode region, InsuranceScheme scheme, Direction direction,
                                        CareType careType, Institution from, Institution to, Long alreadyPaidFen) {
        return referral(region, scheme, direction, careType, from, to, alreadyPaidFen, 0,
                ReferralEligibility.CATALOG);
    }

    /**
     * @param dischargedDaysBefore days between the source discharge and the admission at the target
     *                             (negative: discharged after it); null: the episode gives no discharge day
     */
    public static ReferredCare referral(RegionCode region, InsuranceScheme scheme, Direction direction,
                                        CareType careType, Institution from, Institution to, Long alreadyPaidFen,
                                        Integer dischargedDaysBefore, ReferralEligibility eligibility) {
        SourceEpisode episode = alreadyPaidFen == null ? null : new SourceEpisode(ADMITTED.minusDays(10),
                dischargedDaysBefore == null ? null : ADMITTED.minusDays(dischargedDaysBefore), Fen.of(alreadyPaidFen));
        return new ReferredCare(new ReferralId("referral-" + from.id() + "-" + to.id()), direction, careType, scheme,
                region, from, to, episode, eligibility, ADMITTED);
    }

    public static AlliancePlacement placement(ReferredCare care) {
        return new AlliancePlacement(care.from().id(), care.to().id(), ALL_ALLIANCES);
    }

    /** The decision of a Nan'an employee referred up from the township centre to the county hospital, issued {@code now}. */
    public static Outcome<DeductibleDecision, DecisionEvent> anIssuedDecision(Instant now) {
        ReferredCare care = referral(NAN_AN, InsuranceScheme.EMPLOYEE, Direction.UP, CareType.INPATIENT,
                TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L);
        DeductibleAssessment assessment = new DeductibleAssessor().assess(care,
                Optional.of(employeeSchedule(NAN_AN)), Optional.empty(), List.of(nanAnPolicy()), placement(care));
        return DeductibleDecision.issue(new DecisionId("decision-1"), care, new InsuredPersonNo("350583199001011234"),
                assessment, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), now);
    }

    /** The 转院备案 filed beside {@link #anIssuedDecision}, registered {@code now}. */
    public static Outcome<TransferFiling, FilingEvent> aRegisteredFiling(Instant now) {
        return TransferFiling.register(new FilingId("filing-1"), anIssuedDecision(now).state(), TOWNSHIP_HEALTH_CENTRE,
                COUNTY_HOSPITAL, "I21.0", "急性前壁心肌梗死", "胸痛 3 小时", "上级医院进一步治疗", now);
    }
}
