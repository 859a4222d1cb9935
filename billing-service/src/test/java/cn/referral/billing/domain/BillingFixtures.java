package cn.referral.billing.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referral network and regional rules the domain tests speak of: a county 医共体 (county
 * hospital + township health centre), an urban medical group (city hospital + community health
 * centre) and a hospital outside any alliance; schedules and policies shaped like the seeds'.
 */
public final class BillingFixtures {

    public static final RegionCode NAN_AN = new RegionCode("350583");
    public static final RegionCode WENZHOU = new RegionCode("330300");
    public static final RegionCode JILIN = new RegionCode("220200");
    public static final RegionCode UNSCHEDULED = new RegionCode("110100");
    public static final int YEAR = 2026;

    public static final Institution TOWNSHIP_HEALTH_CENTRE = institution("na-shijing-thc", InstitutionLevel.PRIMARY);
    public static final Institution COUNTY_HOSPITAL = institution("na-county-hospital", InstitutionLevel.SECONDARY);
    public static final Institution CITY_HOSPITAL = institution("wz-wmu-first-hospital", InstitutionLevel.TERTIARY);
    public static final Institution COMMUNITY_HEALTH_CENTRE = institution("wz-lucheng-nanhui-chc", InstitutionLevel.PRIMARY);
    public static final Institution UNALLIED_HOSPITAL = institution("unallied-tertiary", InstitutionLevel.TERTIARY);

    public static final Alliance COUNTY_COMMUNITY = new Alliance("na-county-community",
            AllianceType.COUNTY_MEDICAL_COMMUNITY, "350583",
            Set.of(COUNTY_HOSPITAL.id(), TOWNSHIP_HEALTH_CENTRE.id()), true, 1);
    public static final Alliance URBAN_GROUP = new Alliance("wz-urban-group-wmu1", AllianceType.URBAN_MEDICAL_GROUP,
            "330300", Set.of(CITY_HOSPITAL.id(), COMMUNITY_HEALTH_CENTRE.id()), true, 1);
    public static final List<Alliance> ALL_ALLIANCES = List.of(COUNTY_COMMUNITY, URBAN_GROUP);

    private BillingFixtures() {
    }

    public static Institution institution(String id, InstitutionLevel level) {
        return new Institution(id, level, null, true, 1);
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

    /** Seed 002: no second deductible inside the county 医共体. */
    public static RegionPolicy nanAnPolicy() {
        return policy(NAN_AN, new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY), null));
    }

    /** Seed 003: continuous deductible inside the urban medical group. */
    public static RegionPolicy wenzhouPolicy() {
        return policy(WENZHOU, new PolicyRule(RuleCode.CONTINUOUS, Scope.IN_ALLIANCE,
                Set.of(AllianceType.URBAN_MEDICAL_GROUP), null));
    }

    /** Seed 001: waive the primary inpatient deductible on down-referral, continuous deductible for any referral. */
    public static RegionPolicy jilinPolicy() {
        return policy(JILIN, new PolicyRule(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), null),
                new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null));
    }

    public static RegionPolicy policy(RegionCode region, PolicyRule... rules) {
        return new RegionPolicy(region, "test policy", "test basis", List.of(rules), 1);
    }

    public static ReferredCare referral(RegionCode region, InsuranceScheme scheme, Direction direction,
                                        CareType careType, Institution from, Institution to, Long alreadyPaidFen) {
        return new ReferredCare("referral-" + from.id() + "-" + to.id(), direction, careType, scheme, region, from, to,
                alreadyPaidFen == null ? null : new SourceEpisode(LocalDate.of(YEAR, 11, 20), Fen.of(alreadyPaidFen)));
    }

    public static AlliancePlacement placement(ReferredCare care) {
        return new AlliancePlacement(care.from().id(), care.to().id(), ALL_ALLIANCES);
    }
}
