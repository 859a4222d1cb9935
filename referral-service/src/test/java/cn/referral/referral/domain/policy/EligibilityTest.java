package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;
import cn.referral.referral.domain.referral.FollowUp;
import cn.referral.referral.domain.referral.LongPrescription;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

class EligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static Catalog upToTertiary(boolean active) {
        return new Catalog(new CatalogId("up-tertiary"), "三级医院上转病种目录", Direction.UP, InstitutionLevel.TERTIARY, 1,
                LocalDate.of(2026, 1, 1), active, List.of(new CatalogEntry("I63", "脑梗死", Set.of()),
                new CatalogEntry("C34", "肺癌", Set.of(CareType.INPATIENT))));
    }

    static Catalog downToPrimary() {
        return new Catalog(new CatalogId("down-primary"), "下转病种目录", Direction.DOWN, InstitutionLevel.PRIMARY, 1, null, true,
                List.of(new CatalogEntry("I63", "脑梗死恢复期", Set.of()), new CatalogEntry("E11", "2型糖尿病", Set.of())));
    }

    static Institution institution(String id, InstitutionLevel level, boolean active) {
        return new Institution(new InstitutionId(id), id, level, "330302", active, 1, List.of());
    }

    private static String code(Throwable error) {
        return ((ReferralRuleViolation) error).code();
    }

    @Nested
    class Catalogs {

        @Test
        void aDiagnosisUnderACatalogPrefixIsEligibleAndTheDecisionSaysWhy() {
            Eligibility eligibility = CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                    new Diagnosis("I63.9", "脑梗死"), InstitutionLevel.TERTIARY, List.of(upToTertiary(true)), null, TODAY,
                    false, List.of("UP referral PRIMARY → TERTIARY"));

            assertThat(eligibility.inCatalog()).isTrue();
            assertThat(eligibility.catalogId()).isEqualTo("up-tertiary");
            assertThat(eligibility.catalogEntry()).isEqualTo("I63");
            assertThat(eligibility.explanation()).hasSize(2).last().asString().contains("I63.9").contains("up-tertiary");
        }

        @Test
        void outsideTheCatalogWithoutAReasonIsRefusedWithAnExplanation() {
            assertThatThrownBy(() -> CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                    new Diagnosis("J45.9", "哮喘"), InstitutionLevel.TERTIARY, List.of(upToTertiary(true)), " ", TODAY,
                    false, List.of()))
                    .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                        assertThat(violation.code()).isEqualTo("outside-catalog");
                        assertThat(violation.field()).isEqualTo("overrideReason");
                        assertThat(violation.explanation()).anySatisfy(line -> assertThat(line).contains("J45.9"));
                    });
        }

        @Test
        void outsideTheCatalogWithAReasonIsAllowedAndRecordedAsAnOverride() {
            Eligibility eligibility = CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                    new Diagnosis("J45.9", "哮喘"), InstitutionLevel.TERTIARY, List.of(upToTertiary(true)),
                    "重度哮喘反复发作, 基层无法控制", TODAY, false, List.of());

            assertThat(eligibility.inCatalog()).isFalse();
            assertThat(eligibility.overridden()).isTrue();
            assertThat(eligibility.overrideReason()).isEqualTo("重度哮喘反复发作, 基层无法控制");
        }

        @Test
        void anEntryLimitedToInpatientCareDoesNotCoverAnOutpatientReferral() {
            assertThatThrownBy(() -> CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                    new Diagnosis("C34.1", null), InstitutionLevel.TERTIARY, List.of(upToTertiary(true)), null, TODAY,
                    false, List.of())).isInstanceOf(ReferralRuleViolation.class);
            assertThat(CatalogEligibility.assess(Direction.UP, CareType.INPATIENT, new Diagnosis("C34.1", null),
                    InstitutionLevel.TERTIARY, List.of(upToTertiary(true)), null, TODAY, false, List.of()).inCatalog())
                    .isTrue();
        }

        @Test
        void anInactiveCatalogOrOneForTheOtherDirectionOrLevelDoesNotCount() {
            for (var catalogs : List.of(List.of(upToTertiary(false)), List.of(downToPrimary()))) {
                assertThatThrownBy(() -> CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                        new Diagnosis("I63.9", null), InstitutionLevel.TERTIARY, catalogs, null, TODAY, false, List.of()))
                        .isInstanceOf(ReferralRuleViolation.class);
            }
            assertThatThrownBy(() -> CatalogEligibility.assess(Direction.UP, CareType.OUTPATIENT,
                    new Diagnosis("I63.9", null), InstitutionLevel.SECONDARY, List.of(upToTertiary(true)), null, TODAY,
                    false, List.of())).isInstanceOf(ReferralRuleViolation.class);
        }

        @Test
        void aDownReferralIsCheckedAgainstTheDownCatalog() {
            assertThat(CatalogEligibility.assess(Direction.DOWN, CareType.OUTPATIENT, new Diagnosis("E11.9", null),
                    InstitutionLevel.PRIMARY, List.of(upToTertiary(true), downToPrimary()), null, TODAY, true, List.of())
                    .catalogId()).isEqualTo("down-primary");
        }

        @Test
        void anIcd10CodeHasItsShape() {
            assertThat(Diagnosis.isIcd10("I63.9")).isTrue();
            assertThat(Diagnosis.isIcd10("E11")).isTrue();
            assertThat(Diagnosis.isIcd10("i63.9")).isFalse();
            assertThat(Diagnosis.isIcd10("163.9")).isFalse();
            assertThatThrownBy(() -> new Diagnosis("stroke", null)).isInstanceOf(ReferralRuleViolation.class);
        }
    }

    @Nested
    class Levels {

        @Test
        void upGoesToAHigherLevelAndDownToALowerOne() {
            Institution centre = institution("chc", InstitutionLevel.PRIMARY, true);
            Institution county = institution("county", InstitutionLevel.SECONDARY, true);
            Institution city = institution("city", InstitutionLevel.TERTIARY, true);

            assertThat(LevelDirectionRule.check(Direction.UP, centre, city)).contains("PRIMARY → TERTIARY");
            assertThat(LevelDirectionRule.check(Direction.UP, county, city)).isNotBlank();
            assertThat(LevelDirectionRule.check(Direction.DOWN, city, centre)).isNotBlank();
            assertThatThrownBy(() -> LevelDirectionRule.check(Direction.UP, city, county))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("direction-level-mismatch"));
            assertThatThrownBy(() -> LevelDirectionRule.check(Direction.UP, county, county))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("direction-level-mismatch"));
            assertThatThrownBy(() -> LevelDirectionRule.check(Direction.DOWN, centre, city))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("direction-level-mismatch"));
        }

        @Test
        void anInactiveInstitutionTakesNoReferrals() {
            assertThatThrownBy(() -> LevelDirectionRule.check(Direction.UP, institution("chc", InstitutionLevel.PRIMARY,
                    true), institution("closed", InstitutionLevel.TERTIARY, false)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("inactive-institution"));
        }
    }

    @Nested
    class ContractsAndContinuity {

        private final FamilyDoctorContract contract = new FamilyDoctorContract(new ContractId("c-1"), "ref-1",
                new InstitutionId("chc"), new InstitutionId("county"), new InstitutionId("city"), "dr-zhou",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), true, 1);

        @Test
        void aDownReferralWithoutTargetGoesToTheContractedPrimaryInstitution() {
            ContractedPrimaryCare.Target target = ContractedPrimaryCare.choose(Direction.DOWN, null, contract, TODAY);
            assertThat(target.institutionId()).isEqualTo(new InstitutionId("chc"));
            assertThat(target.contracted()).isTrue();
            assertThat(target.contractedInstitution()).isTrue();
        }

        @Test
        void withoutAValidContractADownReferralMustNameItsTarget() {
            assertThatThrownBy(() -> ContractedPrimaryCare.choose(Direction.DOWN, null, null, TODAY))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("target-required"));
            assertThatThrownBy(() -> ContractedPrimaryCare.choose(Direction.DOWN, null, contract,
                    LocalDate.of(2027, 1, 1))).isInstanceOf(ReferralRuleViolation.class);
            assertThat(ContractedPrimaryCare.choose(Direction.UP, new InstitutionId("city"), contract, LocalDate.of(2027, 1, 1)).contracted())
                    .isFalse();
        }

        @Test
        void aDownReferralNeedsAFollowUpPlanAndAnUpReferralCarriesNone() {
            ContinuityPlan plan = new ContinuityPlan(List.of(new FollowUp(7, "复诊")), null, null);
            DownReferralContinuity.check(Direction.DOWN, plan);
            assertThatThrownBy(() -> DownReferralContinuity.check(Direction.DOWN, null))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("continuity-plan-required"));
            assertThatThrownBy(() -> DownReferralContinuity.check(Direction.DOWN, new ContinuityPlan(List.of(), null, null)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("continuity-plan-required"));
            assertThatThrownBy(() -> DownReferralContinuity.check(Direction.UP, plan))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("continuity-plan-down-only"));
        }

        @Test
        void aLongPrescriptionCoversAtMostTwoMonths() {
            LongPrescriptionLimit.check(new LongPrescription(List.of("阿司匹林肠溶片 100mg qd"), 60));
            assertThatThrownBy(() -> LongPrescriptionLimit.check(new LongPrescription(List.of("二甲双胍"), 61)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("long-prescription-limit"));
            assertThatThrownBy(() -> DownReferralContinuity.check(Direction.DOWN, new ContinuityPlan(
                    List.of(new FollowUp(14, "复查血糖")), new LongPrescription(List.of("二甲双胍"), 90), null)))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("long-prescription-limit"));
        }

        @Test
        void theSlaDefaultsFollowTheDesign() {
            AcceptanceDeadlines defaults = AcceptanceDeadlines.defaults();
            assertThat(defaults.sla(cn.referral.referral.domain.referral.Urgency.ROUTINE))
                    .isEqualTo(new AcceptanceDeadlines.Sla(java.time.Duration.ofHours(48), java.time.Duration.ofHours(24)));
            assertThat(defaults.sla(cn.referral.referral.domain.referral.Urgency.URGENT))
                    .isEqualTo(new AcceptanceDeadlines.Sla(java.time.Duration.ofHours(4), java.time.Duration.ofHours(2)));
            assertThatThrownBy(() -> new AcceptanceDeadlines.Sla(java.time.Duration.ofHours(1), java.time.Duration.ofHours(2)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
