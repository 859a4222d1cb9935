package cn.referral.registry.domain.institution;

import java.util.regex.Pattern;

import cn.referral.registry.domain.RegistryRuleViolation;

/** Administrative division code, GB/T 2260: six digits (province, city, county). */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new RegistryRuleViolation("region-code", "regionCode", "a region code is six digits (GB/T 2260), not " + value);
        }
    }

    /** Same prefecture-level city (地级市): the first four digits agree. */
    public boolean sameCityAs(RegionCode other) {
        return value.regionMatches(0, other.value, 0, 4);
    }

    /** Same province: the first two digits agree. */
    public boolean sameProvinceAs(RegionCode other) {
        return value.regionMatches(0, other.value, 0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
