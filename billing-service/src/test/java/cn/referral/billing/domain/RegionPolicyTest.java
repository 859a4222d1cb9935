package cn.referral.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RegionPolicyTest {

    @Test
    void anAllianceScopedRuleMustSayWhichAllianceTypesCount() {
        assertThatThrownBy(() -> BillingFixtures.policy(BillingFixtures.NAN_AN,
                new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null),
                new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE, Set.of(), null)))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("rules[1].allianceTypes"));
    }

    @Test
    void factsAboutTheScheduleAreNotRulesARegionCanChoose() {
        assertThatThrownBy(() -> BillingFixtures.policy(BillingFixtures.NAN_AN,
                new PolicyRule(RuleCode.NO_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), null)))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("rules[0].rule"));
    }

    @Test
    void aRegionCitesOnlyItsOwnSeedDocuments() {
        assertThatThrownBy(() -> BillingFixtures.policy(BillingFixtures.NAN_AN,
                new PolicyRule(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_001,
                        true)))
                .isInstanceOfSatisfying(BillingRuleViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("rules[0].seed");
                    assertThat(violation.code()).isEqualTo("seed-of-another-region");
                    assertThat(violation.getMessage()).contains("220200");
                });
    }

    @Test
    void aSeedCitedForARuleItDoesNotStateIsRefused() {
        assertThatThrownBy(() -> BillingFixtures.policy(BillingFixtures.NAN_AN,
                new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_002, false)))
                .isInstanceOfSatisfying(BillingRuleViolation.class, violation -> {
                    assertThat(violation.field()).isEqualTo("rules[0].seed");
                    assertThat(violation.code()).isEqualTo("seed-does-not-state-rule");
                });
        assertThatThrownBy(() -> BillingFixtures.policy(BillingFixtures.NAN_AN,
                new PolicyRule(RuleCode.FULL, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_002, false)))
                .isInstanceOf(BillingRuleViolation.class);
    }

    @Test
    void theAllowedGapBetweenStaysIsBounded() {
        assertThatThrownBy(() -> new RegionPolicy(BillingFixtures.NAN_AN, null, null, java.util.List.of(), -1, 0))
                .isInstanceOfSatisfying(BillingRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("sameStayMaxGapDays"));
        assertThat(new RegionPolicy(BillingFixtures.NAN_AN, null, null, java.util.List.of(), 0).sameStayMaxGapDays())
                .as("default").isEqualTo(1);
    }

    @Test
    void aPolicySaysTheLevelItWasIssuedAtAndResolvesCountyCityProvince() {
        assertThat(BillingFixtures.nanAnPolicy().level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(BillingFixtures.fujianPolicy().level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(BillingFixtures.QUANZHOU.level()).isEqualTo(RegionLevel.CITY);
        assertThat(BillingFixtures.NAN_AN.chain()).extracting(RegionCode::value)
                .containsExactly("350583", "350500", "350000");
        assertThat(BillingFixtures.QUANZHOU.chain()).extracting(RegionCode::value).containsExactly("350500", "350000");
        assertThat(BillingFixtures.FUJIAN.chain()).extracting(RegionCode::value).containsExactly("350000");
    }

    @Test
    void anInactiveAllianceDoesNotMakeTwoInstitutionsPartners() {
        Alliance dissolved = new Alliance("old", AllianceType.COUNTY_MEDICAL_COMMUNITY, "350583",
                Set.of("a", "b"), false, 2);

        AlliancePlacement placement = new AlliancePlacement("a", "b", java.util.List.of(dissolved));

        assertThat(placement.anyCommonAlliance()).isEmpty();
        assertThat(placement.commonAlliance(Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY))).isEmpty();
    }
}
