package cn.referral.billing.domain.policy;

import static cn.referral.billing.domain.BillingFixtures.CITY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.COMMUNITY_HEALTH_CENTRE;
import static cn.referral.billing.domain.BillingFixtures.COUNTY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.FUJIAN;
import static cn.referral.billing.domain.BillingFixtures.JILIN;
import static cn.referral.billing.domain.BillingFixtures.NAN_AN;
import static cn.referral.billing.domain.BillingFixtures.PROVINCIAL_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.QUANZHOU;
import static cn.referral.billing.domain.BillingFixtures.TOWNSHIP_HEALTH_CENTRE;
import static cn.referral.billing.domain.BillingFixtures.UNALLIED_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.UNSCHEDULED;
import static cn.referral.billing.domain.BillingFixtures.VILLAGE_CLINIC;
import static cn.referral.billing.domain.BillingFixtures.WENZHOU;
import static cn.referral.billing.domain.CareType.EXAMINATION;
import static cn.referral.billing.domain.CareType.INPATIENT;
import static cn.referral.billing.domain.CareType.OUTPATIENT;
import static cn.referral.billing.domain.InsuranceScheme.EMPLOYEE;
import static cn.referral.billing.domain.InsuranceScheme.RESIDENT;
import static cn.referral.billing.domain.decision.Direction.DOWN;
import static cn.referral.billing.domain.decision.Direction.UP;
import static cn.referral.billing.domain.decision.ReferralEligibility.CATALOG;
import static cn.referral.billing.domain.decision.ReferralEligibility.OVERRIDE;
import static cn.referral.billing.domain.decision.ReferralEligibility.UNKNOWN;
import static cn.referral.billing.domain.policy.RuleCode.ALREADY_PAID_ABOVE_SCHEDULE;
import static cn.referral.billing.domain.policy.RuleCode.CONTINUOUS;
import static cn.referral.billing.domain.policy.RuleCode.FULL;
import static cn.referral.billing.domain.policy.RuleCode.NO_DEDUCTIBLE;
import static cn.referral.billing.domain.policy.RuleCode.NO_SCHEDULE;
import static cn.referral.billing.domain.policy.RuleCode.NO_SECOND_DEDUCTIBLE;
import static cn.referral.billing.domain.policy.RuleCode.WAIVE_PRIMARY_DEDUCTIBLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferralEligibility;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.region.DeductibleSchedule;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.billing.domain.region.Scope;

/**
 * The deductible rules as a table: each row is a referral (region the patient is insured in, scheme,
 * direction, care type, from, to, deductible already paid at the source or no source episode, days
 * between the source discharge and the admission, catalog or override) and the rule, amounts in fen
 * and deciding region an insurer must read for it. Schedules: EMPLOYEE inpatient 100000/60000/30000
 * (tertiary/secondary/primary, village clinic 0), RESIDENT 120000/80000/30000; outpatient and
 * examinations carry no deductible. Policies (each region only its own seed): Nan'an 350583 seed 002,
 * Fujian 350000 seed 000, Wenzhou 330300 seed 003, Jilin 220200 seed 001, and a made-up region
 * 440300 that mixes scopes and allows 3 days between stays. A patient's policies are those of the
 * region chain (county → city → province), nearest first.
 */
class DeductibleAssessorTest {

    /** Between-alliance FULL, in-county-community relief, then continuous anywhere; 3 days make one stay. */
    private static final RegionCode MIXED = new RegionCode("440300");

    private static final Map<RegionCode, RegionPolicy> POLICIES = Map.of(
            NAN_AN, BillingFixtures.nanAnPolicy(),
            FUJIAN, BillingFixtures.fujianPolicy(),
            WENZHOU, BillingFixtures.wenzhouPolicy(),
            JILIN, BillingFixtures.jilinPolicy(),
            MIXED, new RegionPolicy(MIXED, "test policy", "test basis", List.of(
                    new PolicyRule(RuleCode.FULL, Scope.BETWEEN_ALLIANCES,
                            Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY, AllianceType.URBAN_MEDICAL_GROUP), null),
                    new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                            Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY), null),
                    new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null)), 3, 1));

    /** A row of the table: a referral ({@code given}) and the decision an insurer must read for it. */
    record Row(String situation, Given given, Expected expected) {

        Row explaining(String text) {
            return new Row(situation, given, expected.explaining(text));
        }

        @Override
        public String toString() {
            return situation;
        }
    }

    /** The referral: where the patient is insured, the scheme, the way, the care, from, to and what was paid. */
    record Given(RegionCode region, InsuranceScheme scheme, Direction direction, CareType careType,
                 Institution from, Institution to, Long alreadyPaid, Integer dischargedDaysBefore,
                 ReferralEligibility eligibility) {

        Given discharged(Integer daysBefore) {
            return new Given(region, scheme, direction, careType, from, to, alreadyPaid, daysBefore, eligibility);
        }

        Given eligibility(ReferralEligibility how) {
            return new Given(region, scheme, direction, careType, from, to, alreadyPaid, dischargedDaysBefore, how);
        }
    }

    /** The decision, amounts in fen; {@code explains}: a text the policy basis must contain. */
    record Expected(RuleCode rule, Long standard, Long waived, Long payable, boolean sameAlliance,
                    RegionCode policyRegion, String explains) {

        Expected explaining(String text) {
            return new Expected(rule, standard, waived, payable, sameAlliance, policyRegion, text);
        }
    }

    /**
     * Builds a row the way the table reads: the referral (discharged the day of admission, in the catalog,
     * unless said otherwise), then what it must get.
     */
    record RowBuilder(String situation, Given given) {

        RowBuilder discharged(Integer daysBefore) {
            return new RowBuilder(situation, given.discharged(daysBefore));
        }

        RowBuilder eligibility(ReferralEligibility how) {
            return new RowBuilder(situation, given.eligibility(how));
        }

        Row expect(RuleCode rule, Long standardFen, Long waivedFen, Long payableFen, boolean inOneAlliance,
                   RegionCode decidedBy) {
            return new Row(situation, given,
                    new Expected(rule, standardFen, waivedFen, payableFen, inOneAlliance, decidedBy, null));
        }
    }

    private static RowBuilder referral(String situation, RegionCode region, InsuranceScheme scheme,
                                       Direction direction, CareType careType, Institution from, Institution to,
                                       Long alreadyPaid) {
        return new RowBuilder(situation,
                new Given(region, scheme, direction, careType, from, to, alreadyPaid, 0, CATALOG));
    }

    static Stream<Row> table() {
        return Stream.of(
                // 1. A region carries only its own policy: Nan'an has seed 002 (and Fujian's 000 above it), not Jilin's waiver
                referral("Nan'an: up inside the 医共体 in the same stay: no second deductible (002)",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, NAN_AN)
                        .explaining("对符合规定的转诊住院患者在医共体内取消医保二次起付线 (南卫〔2024〕153号, seed 002)"),
                referral("Nan'an: the same for a resident, against the resident schedule",
                        NAN_AN, RESIDENT, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 80_000L, 80_000L, 0L, true, NAN_AN),
                referral("Nan'an: down inside the 医共体 in the same stay: no second deductible, not Jilin's waiver",
                        NAN_AN, EMPLOYEE, DOWN, INPATIENT, COUNTY_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, 60_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 30_000L, 30_000L, 0L, true, NAN_AN),
                referral("Nan'an: down from a hospital outside the 医共体 (and any alliance): FULL",
                        NAN_AN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, 50_000L)
                        .expect(FULL, 30_000L, 0L, 30_000L, false, null),
                referral("Nan'an: down inside the 医共体 with no source stay: FULL (000 and 002 waive nothing)",
                        NAN_AN, EMPLOYEE, DOWN, INPATIENT, COUNTY_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null)
                        .expect(FULL, 30_000L, 0L, 30_000L, true, null)
                        .explaining("no source inpatient episode"),
                referral("Nan'an: up out of any alliance: FULL",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, 20_000L)
                        .expect(FULL, 100_000L, 0L, 100_000L, false, null),
                referral("Nan'an: outpatient inside the 医共体: the region has no outpatient deductible",
                        NAN_AN, EMPLOYEE, UP, OUTPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, null)
                        .expect(NO_DEDUCTIBLE, 0L, 0L, 0L, true, null),
                referral("Jilin: down to primary care: its own waiver (001)",
                        JILIN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null)
                        .expect(WAIVE_PRIMARY_DEDUCTIBLE, 30_000L, 30_000L, 0L, false, JILIN)
                        .explaining("取消当次基层住院起付线 (吉市政办发(2017)52号, seed 001)"),
                referral("Jilin: waiving comes before continuing, even with a source episode",
                        JILIN, RESIDENT, DOWN, INPATIENT, CITY_HOSPITAL, COMMUNITY_HEALTH_CENTRE, 10_000L)
                        .expect(WAIVE_PRIMARY_DEDUCTIBLE, 30_000L, 30_000L, 0L, true, JILIN),
                referral("Jilin: down to a secondary hospital is not primary care: continuous",
                        JILIN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, COUNTY_HOSPITAL, 20_000L)
                        .expect(CONTINUOUS, 60_000L, 20_000L, 40_000L, false, JILIN),
                referral("Jilin: up anywhere in the same stay: continuous",
                        JILIN, RESIDENT, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, 30_000L)
                        .expect(CONTINUOUS, 120_000L, 30_000L, 90_000L, false, JILIN),
                referral("Jilin: up without a source episode: full",
                        JILIN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, null)
                        .expect(FULL, 100_000L, 0L, 100_000L, false, null),
                referral("Jilin: outpatient down-referral: no deductible, nothing waived",
                        JILIN, EMPLOYEE, DOWN, OUTPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null)
                        .expect(NO_DEDUCTIBLE, 0L, 0L, 0L, false, null),
                // 2. Region fallback: Fujian's province-wide 000 reaches every patient insured in Fujian, any kind of 医联体
                referral("Nan'an patient up to the provincial hospital of a specialty alliance: Fujian's 000 reaches the county",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, PROVINCIAL_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 100_000L, 100_000L, 0L, true, FUJIAN)
                        .explaining("取消医联体内转诊医保二次起付线 (福建省推进医疗联合体建设和发展实施方案, seed 000)"),
                referral("Insured at Quanzhou's city pool, inside the Nan'an 医共体: Fujian's 000, not Nan'an's 002",
                        QUANZHOU, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, FUJIAN),
                referral("Nan'an patient inside an urban medical group: 000 covers every kind of 医联体",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 100_000L, 100_000L, 0L, true, FUJIAN),
                referral("Wenzhou is not in Fujian: a specialty alliance earns a Wenzhou patient nothing",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, PROVINCIAL_HOSPITAL, 20_000L)
                        .expect(FULL, 100_000L, 0L, 100_000L, true, null),
                // 3. 同一次住院 (gap between source discharge and target admission) and 符合规定 (catalog or override)
                referral("Nan'an: discharged the day before admission (the default gap, 1 day): the same stay",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(1).expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, NAN_AN),
                referral("Nan'an: discharged 2 days before admission: an older stay, FULL",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(2).expect(FULL, 60_000L, 0L, 60_000L, true, null)
                        .explaining("not 同一次住院"),
                referral("Nan'an: the source episode gives no discharge day: the same stay is not shown, FULL",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(null).expect(FULL, 60_000L, 0L, 60_000L, true, null)
                        .explaining("no discharge or transfer date"),
                referral("Nan'an: admitted before the stated discharge day: the patient moves beds, the same stay",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(-1).expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, NAN_AN),
                referral("Wenzhou: discharged 2 days before: no continuous deductible across two stays",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L)
                        .discharged(2).expect(FULL, 100_000L, 0L, 100_000L, true, null),
                referral("A region allowing 3 days: discharged 3 days before is still the same stay",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(3).expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, MIXED),
                referral("The same region: 4 days is not",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .discharged(4).expect(FULL, 60_000L, 0L, 60_000L, true, null),
                referral("Nan'an: an override is not 符合规定 for 002, nor for Fujian's setting: FULL",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .eligibility(OVERRIDE).expect(FULL, 60_000L, 0L, 60_000L, true, null)
                        .explaining("override"),
                referral("Nan'an: eligibility not stated by the event: not taken for the catalog, FULL",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .eligibility(UNKNOWN).expect(FULL, 60_000L, 0L, 60_000L, true, null),
                referral("Jilin: an override down to primary care: Jilin's waiver line counts overrides",
                        JILIN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null)
                        .eligibility(OVERRIDE).expect(WAIVE_PRIMARY_DEDUCTIBLE, 30_000L, 30_000L, 0L, false, JILIN),
                referral("Jilin: an override up: continuous needs 符合规定: FULL",
                        JILIN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, 30_000L)
                        .eligibility(OVERRIDE).expect(FULL, 100_000L, 0L, 100_000L, false, null),
                referral("Wenzhou: up in the urban group, paid below the target's: the difference",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L)
                        .expect(CONTINUOUS, 100_000L, 20_000L, 80_000L, true, WENZHOU)
                        .explaining("在医联体内按规定转诊的同一次住院可连续计算起付线 (温政办〔2020〕94号, seed 003)"),
                referral("Wenzhou: a resident, paid below the target's",
                        WENZHOU, RESIDENT, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 30_000L)
                        .expect(CONTINUOUS, 120_000L, 30_000L, 90_000L, true, WENZHOU),
                referral("Wenzhou: down in the urban group, paid the hospital's whole deductible: nothing more",
                        WENZHOU, EMPLOYEE, DOWN, INPATIENT, CITY_HOSPITAL, COMMUNITY_HEALTH_CENTRE, 100_000L)
                        .expect(CONTINUOUS, 30_000L, 30_000L, 0L, true, WENZHOU),
                referral("Wenzhou: out of the urban group: full deductible",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, UNALLIED_HOSPITAL, 20_000L)
                        .expect(FULL, 100_000L, 0L, 100_000L, false, null),
                referral("Wenzhou: an examination carries no deductible",
                        WENZHOU, RESIDENT, UP, EXAMINATION, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, null)
                        .expect(NO_DEDUCTIBLE, 0L, 0L, 0L, true, null),
                // 4. What was already paid is bounded by the source level's scheduled deductible
                referral("Wenzhou: 99999999 claimed at a community centre: not decided, amounts unknown",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 99_999_999L)
                        .expect(ALREADY_PAID_ABOVE_SCHEDULE, null, null, null, true, null)
                        .explaining("sourceEpisode.deductiblePaidFen 99999999 exceeds the PRIMARY inpatient deductible 30000"),
                referral("Wenzhou: exactly the primary deductible (30000) was paid: it counts",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 30_000L)
                        .expect(CONTINUOUS, 100_000L, 30_000L, 70_000L, true, WENZHOU),
                referral("Wenzhou: one fen more (30001): not decided",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 30_001L)
                        .expect(ALREADY_PAID_ABOVE_SCHEDULE, null, null, null, true, null),
                referral("Nan'an: the bound holds before a no-second decision too",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 30_001L)
                        .expect(ALREADY_PAID_ABOVE_SCHEDULE, null, null, null, true, null),
                referral("A village clinic has no inpatient deductible: one fen paid there is above it",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, VILLAGE_CLINIC, COUNTY_HOSPITAL, 1L)
                        .expect(ALREADY_PAID_ABOVE_SCHEDULE, null, null, null, false, null),
                // order and scope
                referral("A region saying FULL between alliances stops there, before its later rules",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L)
                        .expect(FULL, 100_000L, 0L, 100_000L, false, MIXED),
                referral("The same region: inside the 医共体, no second deductible",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .expect(NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true, MIXED),
                referral("The same region: from outside any alliance, its continuous rule",
                        MIXED, EMPLOYEE, UP, INPATIENT, UNALLIED_HOSPITAL, COUNTY_HOSPITAL, 20_000L)
                        .expect(CONTINUOUS, 60_000L, 20_000L, 40_000L, false, MIXED),
                // no schedule: amounts unknown, not guessed
                referral("A region without a schedule: NO_SCHEDULE, amounts unknown (null)",
                        UNSCHEDULED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L)
                        .expect(NO_SCHEDULE, null, null, null, true, null),
                referral("Without a schedule the already-paid amount cannot be bounded either: NO_SCHEDULE",
                        UNSCHEDULED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 99_999_999L)
                        .expect(NO_SCHEDULE, null, null, null, true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesTheRuleAndAmounts(Row row) {
        Given given = row.given();
        Expected expected = row.expected();
        ReferredCare care = BillingFixtures.referral(given.region(), given.scheme(), given.direction(),
                given.careType(), given.from(), given.to(), given.alreadyPaid(), given.dischargedDaysBefore(),
                given.eligibility());

        DeductibleAssessment assessment = new DeductibleAssessor().assess(care,
                schedule(given.region(), given.scheme()), Optional.empty(), policies(given.region()),
                BillingFixtures.placement(care));

        assertThat(assessment.rule()).isEqualTo(expected.rule());
        assertThat(fen(assessment.standardDeductible())).as("standard deductible").isEqualTo(expected.standard());
        assertThat(assessment.alreadyPaid()).as("already paid")
                .isEqualTo(Fen.of(given.alreadyPaid() == null ? 0 : given.alreadyPaid()));
        assertThat(fen(assessment.waived())).as("waived").isEqualTo(expected.waived());
        assertThat(fen(assessment.payable())).as("payable").isEqualTo(expected.payable());
        assertThat(assessment.sameAlliance()).as("same alliance").isEqualTo(expected.sameAlliance());
        assertThat(assessment.policyRegion()).as("deciding policy's region").isEqualTo(expected.policyRegion());
        assertThat(assessment.policyBasis()).isNotBlank();
        if (expected.explains() != null) {
            assertThat(assessment.policyBasis()).contains(expected.explains());
        }
    }

    @Test
    void theBoundComesFromTheScheduleOfTheSourceStaysYearWhenItDiffers() {
        ReferredCare care = BillingFixtures.referral(WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE,
                CITY_HOSPITAL, 25_000L);
        DeductibleSchedule lastYear = BillingFixtures.inpatientSchedule(WENZHOU, EMPLOYEE, 90_000, 50_000, 20_000);

        DeductibleAssessment assessment = new DeductibleAssessor().assess(care,
                Optional.of(BillingFixtures.employeeSchedule(WENZHOU)), Optional.of(lastYear), policies(WENZHOU),
                BillingFixtures.placement(care));

        assertThat(assessment.rule()).isEqualTo(ALREADY_PAID_ABOVE_SCHEDULE);
        assertThat(assessment.payable()).isNull();
        assertThat(assessment.policyBasis()).contains("PRIMARY inpatient deductible 20000");
    }

    @Test
    void aNoSecondDecisionReadsTheAllianceThatQualifiedAndTheSchedulesRegion() {
        ReferredCare care = BillingFixtures.referral(NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE,
                PROVINCIAL_HOSPITAL, 20_000L);
        DeductibleSchedule cityPool = BillingFixtures.employeeSchedule(QUANZHOU);

        DeductibleAssessment assessment = new DeductibleAssessor().assess(care, Optional.of(cityPool),
                Optional.empty(), policies(NAN_AN), BillingFixtures.placement(care));

        assertThat(assessment.allianceId()).isEqualTo(BillingFixtures.SPECIALTY.id());
        assertThat(assessment.scheduleRegion()).isEqualTo(QUANZHOU);
        assertThat(assessment.policyRegion()).isEqualTo(FUJIAN);
    }

    private static Optional<DeductibleSchedule> schedule(RegionCode region, InsuranceScheme scheme) {
        if (region.equals(UNSCHEDULED)) {
            return Optional.empty();
        }
        return Optional.of(scheme == EMPLOYEE ? BillingFixtures.employeeSchedule(region)
                : BillingFixtures.residentSchedule(region));
    }

    /** The policies along the patient's region chain, nearest first, as the decision service resolves them. */
    private static List<RegionPolicy> policies(RegionCode region) {
        return region.chain().stream().map(POLICIES::get).filter(Objects::nonNull).toList();
    }

    private static Long fen(Fen amount) {
        return amount == null ? null : amount.value();
    }
}
