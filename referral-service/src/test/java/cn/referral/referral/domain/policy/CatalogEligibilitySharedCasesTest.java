package cn.referral.referral.domain.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.testing.EligibilityCases.Case;
import cn.referral.platform.testing.EligibilityCases.CatalogRow;
import cn.referral.platform.testing.EligibilityCases;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;

/**
 * The table of eligibility cases registry-service runs too ({@code docs/eligibility-cases.csv} with the
 * catalogs of {@code docs/eligibility-catalogs.csv}, read by {@link EligibilityCases}): both services
 * pick the same entry.
 */
class CatalogEligibilitySharedCasesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    static List<Case<Catalog>> cases() {
        return EligibilityCases.all(CatalogEligibilitySharedCasesTest::catalog);
    }

    private static Catalog catalog(CatalogRow row) {
        List<CatalogEntry> entries = row.entries().stream().map(entry -> new CatalogEntry(entry.code(), entry.code(),
                entry.careTypes().stream().map(CareType::valueOf).collect(Collectors.toUnmodifiableSet()))).toList();
        return new Catalog(new CatalogId(row.id()), row.id(), Direction.valueOf(row.direction()),
                InstitutionLevel.valueOf(row.targetLevel()), row.version(), row.effectiveFrom(), row.active(), entries);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothServicesPickTheSameEntry(Case<Catalog> given) {
        Eligibility eligibility = CatalogEligibility.assess(Direction.valueOf(given.direction()),
                CareType.valueOf(given.careType()), new Diagnosis(given.diagnosis(), null),
                InstitutionLevel.valueOf(given.targetLevel()), given.stored(), "outside: the doctor's reason", DAY,
                false, List.of());

        given.assertPicked(eligibility.inCatalog(), eligibility::catalogId, eligibility::catalogEntry);
    }
}
