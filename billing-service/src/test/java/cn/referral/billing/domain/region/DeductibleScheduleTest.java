package cn.referral.billing.domain.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.network.InstitutionLevel;

class DeductibleScheduleTest {

    @Test
    void aCareTypeWithoutADeductibleIsSaidSoAndAnswersNothingToCharge() {
        DeductibleSchedule schedule = BillingFixtures.employeeSchedule(BillingFixtures.NAN_AN);

        assertThat(schedule.deductibleFor(CareType.INPATIENT, InstitutionLevel.SECONDARY)).contains(Fen.of(60_000));
        assertThat(schedule.deductibleFor(CareType.OUTPATIENT, InstitutionLevel.SECONDARY)).isEmpty();
    }

    @Test
    void aMissingLevelIsRefusedNamingTheField() {
        Map<InstitutionLevel, Fen> levels = new EnumMap<>(InstitutionLevel.class);
        levels.put(InstitutionLevel.TERTIARY, Fen.of(100_000));
        levels.put(InstitutionLevel.SECONDARY, Fen.of(60_000));

        assertThatThrownBy(() -> schedule(Map.of(CareType.INPATIENT, levels), Set.of(CareType.OUTPATIENT, CareType.EXAMINATION)))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("deductibleFen.INPATIENT.PRIMARY"));
    }

    @Test
    void aCareTypeNeitherScheduledNorListedWithoutIsRefused() {
        assertThatThrownBy(() -> schedule(Map.of(), Set.of(CareType.OUTPATIENT, CareType.EXAMINATION)))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("deductibleFen.INPATIENT"));
    }

    @Test
    void aCareTypeBothScheduledAndListedWithoutIsRefused() {
        Map<CareType, Map<InstitutionLevel, Fen>> inpatient = BillingFixtures.employeeSchedule(BillingFixtures.NAN_AN)
                .deductibles();

        assertThatThrownBy(() -> schedule(inpatient, Set.of(CareType.INPATIENT, CareType.OUTPATIENT, CareType.EXAMINATION)))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("careTypesWithoutDeductible"));
    }

    private static DeductibleSchedule schedule(Map<CareType, Map<InstitutionLevel, Fen>> deductibles,
                                               Set<CareType> without) {
        return new DeductibleSchedule(BillingFixtures.NAN_AN, InsuranceScheme.EMPLOYEE, 2026, deductibles, without,
                null, 0);
    }
}
