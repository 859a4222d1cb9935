package cn.referral.registry.domain.catalog;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * One line of a disease catalog: an ICD-10 code ({@code I63.9}) or prefix ({@code I63} covers
 * I63.0–I63.9, {@code C} covers every malignant neoplasm), for the given care types (empty = all).
 */
public record CatalogEntry(String code, String name, Set<CareType> careTypes) {

    public static final String PATTERN = "[A-Za-z](\\d{1,2}|\\d{2}\\.[0-9A-Za-z]{1,8})?";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public CatalogEntry {
        code = Icd10Codes.normalised(code, SHAPE, "catalog-entry-code", "entries.code",
                "an entry is an ICD-10 code or prefix (e.g. C, I6, I63, I63.9)");
        RegistryRuleViolation.requireText(name, "catalog-entry-name", "entries.name",
                "entry " + code + " needs a name");
        careTypes = careTypes == null || careTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(careTypes));
    }

    /** Whether the diagnosis is this code or lies under this prefix. */
    public boolean covers(DiagnosisCode diagnosis) {
        return diagnosis.matchKey().startsWith(matchKey());
    }

    /** Whether the entry holds for this care type ({@code null}: any). */
    public boolean appliesTo(CareType careType) {
        return careType == null || careTypes.isEmpty() || careTypes.contains(careType);
    }

    /** How narrow the entry is: a longer code is more specific than its prefix. */
    public int specificity() {
        return matchKey().length();
    }

    private String matchKey() {
        return Icd10Codes.matchKey(code);
    }
}
