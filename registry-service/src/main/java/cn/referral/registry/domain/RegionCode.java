package cn.referral.registry.domain;

import java.util.regex.Pattern;

/** Administrative division code, GB/T 2260: six digits (province, city, county). */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new RegistryRuleViolation("region-code", "a region code is six digits (GB/T 2260), not " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
