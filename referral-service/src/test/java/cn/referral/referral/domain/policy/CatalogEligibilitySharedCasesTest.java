package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Diagnosis;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Eligibility;

/**
 * The table of eligibility cases registry-service runs too ({@code docs/eligibility-cases.csv} with the
 * catalogs of {@code docs/eligibility-catalogs.csv}): both services pick the same entry.
 */
class CatalogEligibilitySharedCasesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    static Stream<Arguments> cases() throws IOException {
        Map<String, Catalog> catalogs = new LinkedHashMap<>();
        for (String[] row : rows("eligibility-catalogs.csv")) {
            List<CatalogEntry> entries = Arrays.stream(row[6].trim().split(" +")).map(entry -> {
                String[] parts = entry.split(":");
                Set<CareType> careTypes = parts.length == 1 ? Set.of()
                        : Set.copyOf(Arrays.stream(parts[1].split("\\+")).map(CareType::valueOf).toList());
                return new CatalogEntry(parts[0], parts[0], careTypes);
            }).toList();
            catalogs.put(row[0], new Catalog(row[0], row[0], Direction.valueOf(row[1]),
                    InstitutionLevel.valueOf(row[2]), Long.parseLong(row[4]), LocalDate.parse(row[3]),
                    Boolean.parseBoolean(row[5]), entries));
        }
        return rows("eligibility-cases.csv").stream().map(row -> Arguments.of(row[0],
                Arrays.stream(row[1].trim().split(" +")).map(catalogs::get).toList(), Direction.valueOf(row[2]),
                InstitutionLevel.valueOf(row[3]), CareType.valueOf(row[4]), row[5], row[6], row[7]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothServicesPickTheSameEntry(String name, List<Catalog> stored, Direction direction,
                                      InstitutionLevel targetLevel, CareType careType, String diagnosis,
                                      String expectedCatalog, String expectedEntry) {
        Eligibility eligibility = CatalogEligibility.assess(direction, careType, new Diagnosis(diagnosis, null),
                targetLevel, stored, "outside: the doctor's reason", DAY, false, List.of());

        if (expectedCatalog.isEmpty()) {
            assertThat(eligibility.inCatalog()).as("outside the catalog").isFalse();
        } else {
            assertThat(eligibility.inCatalog()).isTrue();
            assertThat(eligibility.catalogId()).isEqualTo(expectedCatalog);
            assertThat(eligibility.catalogEntry()).isEqualTo(expectedEntry);
        }
    }

    /** The data rows of a CSV in the repository's docs/ folder (comments and the header left out). */
    private static List<String[]> rows(String file) throws IOException {
        Path docs = Path.of("").toAbsolutePath();
        while (docs != null && !Files.exists(docs.resolve("docs").resolve(file))) {
            docs = docs.getParent();
        }
        if (docs == null) {
            throw new IllegalStateException("docs/" + file + " not found above " + Path.of("").toAbsolutePath());
        }
        List<String> lines = Files.readAllLines(docs.resolve("docs").resolve(file), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }
}
