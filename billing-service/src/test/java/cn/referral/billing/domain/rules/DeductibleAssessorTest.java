package cn.referral.billing.domain.rules;

import static cn.referral.billing.domain.BillingFixtures.CITY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.COMMUNITY_HEALTH_CENTRE;
import static cn.referral.billing.domain.BillingFixtures.COUNTY_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.JILIN;
import static cn.referral.billing.domain.BillingFixtures.NAN_AN;
import static cn.referral.billing.domain.BillingFixtures.TOWNSHIP_HEALTH_CENTRE;
import static cn.referral.billing.domain.BillingFixtures.UNALLIED_HOSPITAL;
import static cn.referral.billing.domain.BillingFixtures.UNSCHEDULED;
import static cn.referral.billing.domain.BillingFixtures.WENZHOU;
import static cn.referral.billing.domain.CareType.EXAMINATION;
import static cn.referral.billing.domain.CareType.INPATIENT;
import static cn.referral.billing.domain.CareType.OUTPATIENT;
import static cn.referral.billing.domain.Direction.DOWN;
import static cn.referral.billing.domain.Direction.UP;
import static cn.referral.billing.domain.InsuranceScheme.EMPLOYEE;
import static cn.referral.billing.domain.InsuranceScheme.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.referral.billing.domain.AllianceType;
import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.DeductibleAssessment;
import cn.referral.billing.domain.DeductibleSchedule;
import cn.referral.billing.domain.Direction;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.Institution;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.PolicyRule;
import cn.referral.billing.domain.ReferredCare;
import cn.referral.billing.domain.RegionCode;
import cn.referral.billing.domain.RegionPolicy;
import cn.referral.billing.domain.RuleCode;
import cn.referral.billing.domain.Scope;

/**
 * The deductible rules as a table: each row is a referral (region, scheme, direction, care type,
 * from, to, deductible already paid at the source or none) and the rule and amounts in fen an
 * insurer must read for it. Schedules: EMPLOYEE inpatient 100000/60000/30000 (tertiary/secondary/
 * primary), RESIDENT 120000/80000/30000; outpatient and examinations carry no deductible.
 */
class DeductibleAssessorTest {

    /** Both between-alliance FULL and in-county-community relief before a continuous deductible anywhere. */
    private static final RegionCode MIXED = new RegionCode("350500");

    record Row(String situation, RegionCode region, InsuranceScheme scheme, Direction direction, CareType careType,
               Institution from, Institution to, Long alreadyPaid, RuleCode rule, Long standard, Long waived,
               Long payable, boolean sameAlliance) {

        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                // 取消医联体内转诊医保二次起付线 (000, 002)
                new Row("Nan'an: inpatient up-referral inside the 医共体 pays no second deductible",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true),
                new Row("Nan'an: the same for a resident, against the resident schedule",
                        NAN_AN, RESIDENT, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.NO_SECOND_DEDUCTIBLE, 80_000L, 80_000L, 0L, true),
                new Row("Nan'an: inpatient down-referral inside the 医共体, already paid above the target's",
                        NAN_AN, EMPLOYEE, DOWN, INPATIENT, COUNTY_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, 60_000L,
                        RuleCode.NO_SECOND_DEDUCTIBLE, 30_000L, 30_000L, 0L, true),
                new Row("Nan'an: an admission that starts at the target (no source episode) pays its first deductible",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, null,
                        RuleCode.FULL, 60_000L, 0L, 60_000L, true),
                new Row("Nan'an: inpatient up-referral out of the 医共体 pays in full",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, 20_000L,
                        RuleCode.FULL, 100_000L, 0L, 100_000L, false),
                new Row("Nan'an: a referral inside an urban group does not count as inside the 医共体",
                        NAN_AN, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L,
                        RuleCode.FULL, 100_000L, 0L, 100_000L, true),
                new Row("Nan'an: outpatient referral inside the 医共体: the region has no outpatient deductible",
                        NAN_AN, EMPLOYEE, UP, OUTPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, null,
                        RuleCode.NO_DEDUCTIBLE, 0L, 0L, 0L, true),
                // 连续计算起付线 (001, 003)
                new Row("Wenzhou: inpatient up-referral in the urban group, already paid below the target's: the difference",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L,
                        RuleCode.CONTINUOUS, 100_000L, 20_000L, 80_000L, true),
                new Row("Wenzhou: already paid above the target's deductible: nothing more",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 150_000L,
                        RuleCode.CONTINUOUS, 100_000L, 100_000L, 0L, true),
                new Row("Wenzhou: a resident, already paid below the target's",
                        WENZHOU, RESIDENT, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, 30_000L,
                        RuleCode.CONTINUOUS, 120_000L, 30_000L, 90_000L, true),
                new Row("Wenzhou: inpatient down-referral in the urban group, already paid at the hospital",
                        WENZHOU, EMPLOYEE, DOWN, INPATIENT, CITY_HOSPITAL, COMMUNITY_HEALTH_CENTRE, 100_000L,
                        RuleCode.CONTINUOUS, 30_000L, 30_000L, 0L, true),
                new Row("Wenzhou: out of the urban group: full deductible",
                        WENZHOU, EMPLOYEE, UP, INPATIENT, COMMUNITY_HEALTH_CENTRE, UNALLIED_HOSPITAL, 20_000L,
                        RuleCode.FULL, 100_000L, 0L, 100_000L, false),
                new Row("Wenzhou: an examination carries no deductible",
                        WENZHOU, RESIDENT, UP, EXAMINATION, COMMUNITY_HEALTH_CENTRE, CITY_HOSPITAL, null,
                        RuleCode.NO_DEDUCTIBLE, 0L, 0L, 0L, true),
                // 取消当次基层住院起付线 (001)
                new Row("Jilin: inpatient down-referral to primary care: that stay's deductible is waived",
                        JILIN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null,
                        RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, 30_000L, 30_000L, 0L, false),
                new Row("Jilin: waiving comes before continuing, even with a source episode",
                        JILIN, RESIDENT, DOWN, INPATIENT, CITY_HOSPITAL, COMMUNITY_HEALTH_CENTRE, 10_000L,
                        RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, 30_000L, 30_000L, 0L, true),
                new Row("Jilin: inpatient down-referral to a secondary hospital is not primary care: continuous",
                        JILIN, EMPLOYEE, DOWN, INPATIENT, UNALLIED_HOSPITAL, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.CONTINUOUS, 60_000L, 20_000L, 40_000L, false),
                new Row("Jilin: inpatient up-referral anywhere: continuous",
                        JILIN, RESIDENT, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, 30_000L,
                        RuleCode.CONTINUOUS, 120_000L, 30_000L, 90_000L, false),
                new Row("Jilin: inpatient up-referral without a source episode: full",
                        JILIN, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, UNALLIED_HOSPITAL, null,
                        RuleCode.FULL, 100_000L, 0L, 100_000L, false),
                new Row("Jilin: outpatient down-referral: no deductible, nothing waived",
                        JILIN, EMPLOYEE, DOWN, OUTPATIENT, UNALLIED_HOSPITAL, TOWNSHIP_HEALTH_CENTRE, null,
                        RuleCode.NO_DEDUCTIBLE, 0L, 0L, 0L, false),
                // order and scope
                new Row("A region saying FULL between alliances stops there, before its later rules",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, CITY_HOSPITAL, 20_000L,
                        RuleCode.FULL, 100_000L, 0L, 100_000L, false),
                new Row("The same region: inside the 医共体, no second deductible",
                        MIXED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.NO_SECOND_DEDUCTIBLE, 60_000L, 60_000L, 0L, true),
                new Row("The same region: from outside any alliance, its continuous rule",
                        MIXED, EMPLOYEE, UP, INPATIENT, UNALLIED_HOSPITAL, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.CONTINUOUS, 60_000L, 20_000L, 40_000L, false),
                // no schedule: amounts unknown, not guessed
                new Row("A region without a schedule: NO_SCHEDULE, amounts unknown (null)",
                        UNSCHEDULED, EMPLOYEE, UP, INPATIENT, TOWNSHIP_HEALTH_CENTRE, COUNTY_HOSPITAL, 20_000L,
                        RuleCode.NO_SCHEDULE, null, null, null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesTheRuleAndAmounts(Row row) {
        ReferredCare care = BillingFixtures.referral(row.region(), row.scheme(), row.direction(), row.careType(),
                row.from(), row.to(), row.alreadyPaid());

        DeductibleAssessment assessment = new DeductibleAssessor().assess(care, schedule(row.region(), row.scheme()),
                policy(row.region()), BillingFixtures.placement(care));

        assertThat(assessment.rule()).isEqualTo(row.rule());
        assertThat(fen(assessment.standardDeductible())).as("standard deductible").isEqualTo(row.standard());
        assertThat(assessment.alreadyPaid()).as("already paid")
                .isEqualTo(Fen.of(row.alreadyPaid() == null ? 0 : row.alreadyPaid()));
        assertThat(fen(assessment.waived())).as("waived").isEqualTo(row.waived());
        assertThat(fen(assessment.payable())).as("payable").isEqualTo(row.payable());
        assertThat(assessment.sameAlliance()).as("same alliance").isEqualTo(row.sameAlliance());
        assertThat(assessment.policyBasis()).isNotBlank();
    }

    private static Optional<DeductibleSchedule> schedule(RegionCode region, InsuranceScheme scheme) {
        if (region.equals(UNSCHEDULED)) {
            return Optional.empty();
        }
        return Optional.of(scheme == EMPLOYEE ? BillingFixtures.employeeSchedule(region)
                : BillingFixtures.residentSchedule(region));
    }

    private static Optional<RegionPolicy> policy(RegionCode region) {
        if (region.equals(NAN_AN)) {
            return Optional.of(BillingFixtures.nanAnPolicy());
        }
        if (region.equals(WENZHOU)) {
            return Optional.of(BillingFixtures.wenzhouPolicy());
        }
        if (region.equals(JILIN)) {
            return Optional.of(BillingFixtures.jilinPolicy());
        }
        if (region.equals(MIXED)) {
            Set<AllianceType> tight = Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY, AllianceType.URBAN_MEDICAL_GROUP);
            return Optional.of(BillingFixtures.policy(MIXED,
                    new PolicyRule(RuleCode.FULL, Scope.BETWEEN_ALLIANCES, tight, null),
                    new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE,
                            Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY), null),
                    new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null)));
        }
        return Optional.empty();
    }

    private static Long fen(Fen amount) {
        return amount == null ? null : amount.value();
    }
}
