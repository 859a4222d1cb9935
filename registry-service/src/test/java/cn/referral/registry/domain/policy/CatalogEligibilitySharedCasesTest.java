package cn.referral.registry.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.testing.EligibilityCases.Case;
import cn.referral.platform.testing.EligibilityCases.CatalogRow;
import cn.referral.platform.testing.EligibilityCases;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;

/**
 * The table of eligibility cases referral-service runs too ({@code docs/eligibility-cases.csv} with the
 * catalogs of {@code docs/eligibility-catalogs.csv}, read by {@link EligibilityCases}): both services
 * pick the same entry.
 */
class CatalogEligibilitySharedCasesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    static List<Case<DiseaseCatalog>> cases() {
        return EligibilityCases.all(CatalogEligibilitySharedCasesTest::catalog);
    }

    private static DiseaseCatalog catalog(CatalogRow row) {
        List<CatalogEntry> entries = row.entries().stream().map(entry -> new CatalogEntry(entry.code(), entry.code(),
                entry.careTypes().stream().map(CareType::valueOf).collect(Collectors.toUnmodifiableSet()))).toList();
        return new DiseaseCatalog(new CatalogId(row.id()), row.id(), ReferralDirection.valueOf(row.direction()),
                InstitutionLevel.valueOf(row.targetLevel()), row.effectiveFrom(), entries, row.active(),
                row.version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothServicesPickTheSameEntry(Case<DiseaseCatalog> given) {
        Eligibility eligibility = CatalogEligibility.check(ReferralDirection.valueOf(given.direction()),
                new DiagnosisCode(given.diagnosis()), InstitutionLevel.valueOf(given.targetLevel()),
                CareType.valueOf(given.careType()), DAY, given.stored());

        given.assertPicked(eligibility.inCatalog(), () -> eligibility.catalog().id().value(),
                () -> eligibility.matchedEntry().code());
    }
}
