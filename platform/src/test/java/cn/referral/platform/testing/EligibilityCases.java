package cn.referral.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The eligibility cases registry-service and referral-service both run ({@code docs/eligibility-cases.csv}
 * over the catalogs of {@code docs/eligibility-catalogs.csv}, docs/eligibility.md), read once, here. Each
 * service turns a {@link CatalogRow} into its own catalog type and checks its verdict with
 * {@link Case#assertPicked}; names of enums stay strings.
 */
public final class EligibilityCases {

    private EligibilityCases() {
    }

    /** One entry of a catalog: a code or prefix, limited to the named care types (none: every care type). */
    public record EntryRow(String code, Set<String> careTypes) {
    }

    public record CatalogRow(String id, String direction, String targetLevel, LocalDate effectiveFrom, long version,
                             boolean active, List<EntryRow> entries) {
    }

    /** One case, with the catalogs stored when it is judged; expected catalog and entry empty: outside. */
    public record Case<C>(String name, List<C> stored, String direction, String targetLevel, String careType,
                          String diagnosis, String expectedCatalog, String expectedEntry) {

        public boolean outsideTheCatalog() {
            return expectedCatalog.isEmpty();
        }

        /**
         * Checks a service's verdict on this case: outside the catalog, or in it with the expected catalog and
         * entry. {@code catalogId} and {@code entryCode} are read only when the service says it is in a catalog.
         */
        public void assertPicked(boolean inCatalog, Supplier<String> catalogId, Supplier<String> entryCode) {
            if (outsideTheCatalog()) {
                assertThat(inCatalog).as("outside the catalog").isFalse();
            } else {
                assertThat(inCatalog).isTrue();
                assertThat(catalogId.get()).isEqualTo(expectedCatalog);
                assertThat(entryCode.get()).isEqualTo(expectedEntry);
            }
        }

        /** The case's name, as a parameterized test shows it. */
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case, its stored catalogs made by {@code catalog} from the rows of the catalog table. */
    public static <C> List<Case<C>> all(Function<CatalogRow, C> catalog) {
        Map<String, C> catalogs = new LinkedHashMap<>();
        for (String[] row : docsCsvRows("eligibility-catalogs.csv")) {
            List<EntryRow> entries = Arrays.stream(row[6].trim().split(" +")).map(entry -> {
                String[] parts = entry.split(":");
                return new EntryRow(parts[0], parts.length == 1 ? Set.of() : Set.of(parts[1].split("\\+")));
            }).toList();
            catalogs.put(row[0], catalog.apply(new CatalogRow(row[0], row[1], row[2], LocalDate.parse(row[3]),
                    Long.parseLong(row[4]), Boolean.parseBoolean(row[5]), entries)));
        }
        return docsCsvRows("eligibility-cases.csv").stream().map(row -> new Case<>(row[0],
                Arrays.stream(row[1].trim().split(" +")).map(catalogs::get).toList(), row[2], row[3], row[4], row[5],
                row[6], row[7])).toList();
    }

    /** The data rows of a CSV in the repository's docs/ folder (comments, blank lines and the header left out). */
    public static List<String[]> docsCsvRows(String file) {
        Path here = Path.of("").toAbsolutePath();
        Path root = here;
        while (root != null && !Files.exists(root.resolve("docs").resolve(file))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("docs/" + file + " not found above " + here);
        }
        try {
            List<String> lines = Files.readAllLines(root.resolve("docs").resolve(file), StandardCharsets.UTF_8)
                    .stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
