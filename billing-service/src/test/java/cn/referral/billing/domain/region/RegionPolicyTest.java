package cn.referral.billing.domain.region;

import cn.referral.billing.domain.BillingFixtures;
import cn.referral.billing.domain.BillingRuleViolation;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AlliancePlacement;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RegionPolicyTest {

    @Test
    void anAllianceScopedRuleMustSayWhichAllianceTypesCount() {
        assertThat(nanAnRefuses(new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL, Set.of(), null),
                new PolicyRule(RuleCode.NO_SECOND_DEDUCTIBLE, Scope.IN_ALLIANCE, Set.of(), null)).field())
                .isEqualTo("rules[1].allianceTypes");
    }

    @Test
    void factsAboutTheScheduleAreNotRulesARegionCanChoose() {
        assertThat(nanAnRefuses(new PolicyRule(RuleCode.NO_DEDUCTIBLE, Scope.ANY_REFERRAL, Set.of(), null)).field())
                .isEqualTo("rules[0].rule");
    }

    @Test
    void aRegionCitesOnlyItsOwnSeedDocuments() {
        BillingRuleViolation violation = nanAnRefuses(new PolicyRule(RuleCode.WAIVE_PRIMARY_DEDUCTIBLE,
                Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_001, true));

        assertThat(violation.field()).isEqualTo("rules[0].seed");
        assertThat(violation.code()).isEqualTo("seed-of-another-region");
        assertThat(violation.getMessage()).contains("220200");
    }

    @Test
    void aSeedCitedForARuleItDoesNotStateIsRefused() {
        BillingRuleViolation violation = nanAnRefuses(new PolicyRule(RuleCode.CONTINUOUS, Scope.ANY_REFERRAL,
                Set.of(), null, Seed.SEED_002, false));

        assertThat(violation.field()).isEqualTo("rules[0].seed");
        assertThat(violation.code()).isEqualTo("seed-does-not-state-rule");
        nanAnRefuses(new PolicyRule(RuleCode.FULL, Scope.ANY_REFERRAL, Set.of(), null, Seed.SEED_002, false));
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
        InstitutionId a = new InstitutionId("a");
        InstitutionId b = new InstitutionId("b");
        Alliance dissolved = new Alliance(new AllianceId("old"), AllianceType.COUNTY_MEDICAL_COMMUNITY, "350583",
                Set.of(a, b), false, 2);

        AlliancePlacement placement = new AlliancePlacement(a, b, java.util.List.of(dissolved));

        assertThat(placement.anyCommonAlliance()).isEmpty();
        assertThat(placement.commonAlliance(Set.of(AllianceType.COUNTY_MEDICAL_COMMUNITY))).isEmpty();
    }

    /** Nan'an's policy with these rules is refused: the refusal, a BillingRuleViolation. */
    private static BillingRuleViolation nanAnRefuses(PolicyRule... rules) {
        Throwable thrown = catchThrowable(() -> BillingFixtures.policy(BillingFixtures.NAN_AN, rules));
        assertThat(thrown).isInstanceOf(BillingRuleViolation.class);
        return (BillingRuleViolation) thrown;
    }
}
