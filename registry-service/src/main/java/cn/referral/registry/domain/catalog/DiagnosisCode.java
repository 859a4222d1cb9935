package cn.referral.registry.domain.catalog;

import java.util.regex.Pattern;

/**
 * An ICD-10 diagnosis code as a doctor records it: a category ({@code I21}) or a subcategory
 * ({@code I21.0}), also with a national extension ({@code I10.x00x002}).
 */
public record DiagnosisCode(String value) {

    public static final String PATTERN = "[A-Za-z]\\d{2}(\\.[0-9A-Za-z]{1,8})?";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    public DiagnosisCode {
        value = Icd10Codes.normalised(value, SHAPE, "diagnosis-code", "diagnosis",
                "an ICD-10 code is a letter, two digits and an optional .subcategory (e.g. I21.0)");
    }

    /** The code without its dot, the form catalog entries are matched against. */
    String matchKey() {
        return Icd10Codes.matchKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
