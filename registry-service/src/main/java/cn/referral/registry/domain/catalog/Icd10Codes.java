package cn.referral.registry.domain.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.referral.registry.domain.RegistryRuleViolation;

/**
 * ICD-10 codes as catalogs list them and doctors record them, written one way so the two compare: without
 * surrounding blanks, in upper case, and matched without the dot ({@code I63.9} lies under {@code I63}).
 */
final class Icd10Codes {

    private Icd10Codes() {
    }

    /**
     * The code stripped and in upper case; a rule violation ({@code rule}, {@code field}) saying what was
     * {@code expected} unless it has the {@code shape}.
     */
    static String normalised(String code, Pattern shape, String rule, String field, String expected) {
        if (code == null || !shape.matcher(code.strip()).matches()) {
            throw new RegistryRuleViolation(rule, field, expected + ", not " + code);
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The code without its dot, the form an entry and a diagnosis are matched in. */
    static String matchKey(String code) {
        return code.replace(".", "");
    }
}
