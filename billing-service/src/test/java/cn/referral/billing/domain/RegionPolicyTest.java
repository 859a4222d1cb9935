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
    void anInactiveAllianceDoesNotMakeTwoInstitutionsPartners() {
        Alliance dissolved = new Alliance("old", AllianceType.COUNTY_MEDICAL_COMMUNITY, "350583",
                Set.of("a", "b"), false, 2);

        AlliancePlacement placement = new AlliancePlacement("a", "b", java.util.List.of(dissolved));

        assertThat(placement.anyCommonAlliance()).isEmpty();
        assertThat(placement.commonAlliance(Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY))).isEmpty();
    }
}
