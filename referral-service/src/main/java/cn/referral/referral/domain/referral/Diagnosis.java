package cn.referral.referral.domain.referral;

import java.util.regex.Pattern;

/** The referral diagnosis as an ICD-10 code (e.g. {@code I63.9}) and its name. */
public record Diagnosis(String code, String name) {

    private static final Pattern ICD10 = Pattern.compile("[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?");

    public Diagnosis {
        if (code == null || !ICD10.matcher(code).matches()) {
            throw new ReferralRuleViolation("diagnosis-code", "diagnosis.code", "must be an ICD-10 code such as I63.9");
        }
    }

    public static boolean isIcd10(String code) {
        return code != null && ICD10.matcher(code).matches();
    }
}
