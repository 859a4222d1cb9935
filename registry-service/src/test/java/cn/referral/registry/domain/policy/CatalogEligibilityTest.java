package cn.referral.registry.domain.policy;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static cn.referral.registry.domain.Fixtures.aCatalog;
import static cn.referral.registry.domain.Fixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.CatalogId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;

class CatalogEligibilityTest {

    private final DiseaseCatalog upToTertiary = aCatalog("cat-up-tertiary", ReferralDirection.UP,
            InstitutionLevel.TERTIARY, TODAY.minusYears(1), entry("I20.0"), entry("I21"), entry("I63"), entry("C"),
            entry("R91", CareType.EXAMINATION, CareType.OUTPATIENT));

    private Eligibility up(String diagnosis, CareType careType, DiseaseCatalog... catalogs) {
        return CatalogEligibility.check(ReferralDirection.UP, new DiagnosisCode(diagnosis), InstitutionLevel.TERTIARY,
                careType, TODAY, List.of(catalogs));
    }

    @Test
    void aCategoryEntryCoversItsSubcategoriesButACodeEntryOnlyItself() {
        assertThat(up("I21.0", null, upToTertiary).matchedEntry().code()).isEqualTo("I21");
        assertThat(up("i21", null, upToTertiary).inCatalog()).as("codes are case-insensitive").isTrue();
        assertThat(up("I20.0", null, upToTertiary).matchedEntry().code()).isEqualTo("I20.0");
        Eligibility stableAngina = up("I20.9", null, upToTertiary);
        assertThat(stableAngina.inCatalog()).as("I20.0 is a code, not a prefix of I20.9").isFalse();
        assertThat(stableAngina.explanation()).contains("I20.9", "matches no entry", "override reason");
        assertThat(up("C34.1", null, upToTertiary).matchedEntry().code()).as("C covers every malignant neoplasm")
                .isEqualTo("C");
        assertThat(up("I10.x00x002", null, upToTertiary).inCatalog()).as("national extension codes").isFalse();
    }

    @Test
    void theMostSpecificEntryOfAllGoverningCatalogsWins() {
        DiseaseCatalog strokeDetail = aCatalog("cat-stroke", ReferralDirection.UP, InstitutionLevel.TERTIARY,
                TODAY.minusDays(10), entry("I63.9"), entry("I6"));

        Eligibility eligibility = up("I63.9", null, upToTertiary, strokeDetail);

        assertThat(eligibility.matchedEntry().code()).isEqualTo("I63.9");
        assertThat(eligibility.catalog().id()).isEqualTo(new CatalogId("cat-stroke"));
        assertThat(eligibility.explanation()).contains("I63.9", "cat-stroke catalog", "TERTIARY");
        assertThat(up("I63.0", null, upToTertiary, strokeDetail).matchedEntry().code()).isEqualTo("I63");
        assertThat(up("I64", null, upToTertiary, strokeDetail).matchedEntry().code()).isEqualTo("I6");
    }

    @Test
    void anEntryForSomeCareTypesDoesNotCoverTheOthers() {
        assertThat(up("R91", CareType.EXAMINATION, upToTertiary).inCatalog()).isTrue();
        assertThat(up("R91", CareType.INPATIENT, upToTertiary).inCatalog()).isFalse();
        assertThat(up("R91", null, upToTertiary).inCatalog()).as("no care type: any").isTrue();
    }

    @Test
    void onlyActiveCatalogsOfTheDirectionAndLevelInEffectGovern() {
        DiseaseCatalog future = aCatalog("cat-future", ReferralDirection.UP, InstitutionLevel.TERTIARY,
                TODAY.plusDays(1), entry("J44"));
        DiseaseCatalog down = aCatalog("cat-down", ReferralDirection.DOWN, InstitutionLevel.TERTIARY,
                TODAY.minusYears(1), entry("J44"));
        DiseaseCatalog secondary = aCatalog("cat-secondary", ReferralDirection.UP, InstitutionLevel.SECONDARY,
                TODAY.minusYears(1), entry("J44"));
        DiseaseCatalog retired = aCatalog("cat-retired", ReferralDirection.UP, InstitutionLevel.TERTIARY,
                TODAY.minusYears(1), entry("J44")).deactivate(NOW).state();

        assertThat(up("J44.1", null, future, down, secondary, retired).inCatalog()).isFalse();
        assertThat(up("J44.1", null, future).explanation()).contains("No up-referral (上转) catalog");
        assertThat(up("J44.1", null, aCatalog("cat-today", ReferralDirection.UP, InstitutionLevel.TERTIARY, TODAY,
                entry("J44"))).inCatalog()).as("in effect from its first day").isTrue();
    }

    @Test
    void entriesAndDiagnosesMustLookLikeIcd10() {
        assertThatThrownBy(() -> new DiagnosisCode("高血压")).isInstanceOf(RegistryRuleViolation.class);
        assertThatThrownBy(() -> new DiagnosisCode("I1")).isInstanceOf(RegistryRuleViolation.class);
        assertThatThrownBy(() -> entry("I10-I15")).isInstanceOf(RegistryRuleViolation.class);
        assertThatThrownBy(() -> aCatalog("c", ReferralDirection.UP, InstitutionLevel.TERTIARY, TODAY,
                entry("I21"), entry("i21"))).isInstanceOfSatisfying(RegistryRuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo("catalog-entry-repeated"));
    }
}
