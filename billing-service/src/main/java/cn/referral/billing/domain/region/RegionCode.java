package cn.referral.billing.domain.region;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.referral.billing.domain.BillingRuleViolation;

/**
 * 统筹区 (insurance pooling region) as a GB/T 2260 administrative division code: six digits. The
 * first two digits name the province, the next two the city, the last two the county or district.
 */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (!isRegionCode(value)) {
            throw new BillingRuleViolation("region-code", "region",
                    "a region code is six digits (GB/T 2260), not " + value);
        }
    }

    /** Whether {@code value} is a region code at all: six digits, as the constructor requires. */
    public static boolean isRegionCode(String value) {
        return value != null && SIX_DIGITS.matcher(value).matches();
    }

    /** The level this code stands for: {@code 350000} a province, {@code 350500} a city, {@code 350583} a county. */
    public RegionLevel level() {
        if (value.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return value.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }

    /**
     * This region and the regions above it, nearest first: {@code 350583 → 350500 → 350000}. Policies
     * and schedules resolve along it, so a province's policy reaches a patient insured in any of its
     * counties, whatever level the insurer pools at.
     */
    public List<RegionCode> chain() {
        List<RegionCode> chain = new ArrayList<>(3);
        chain.add(this);
        if (level() == RegionLevel.COUNTY) {
            chain.add(new RegionCode(value.substring(0, 4) + "00"));
        }
        if (level() != RegionLevel.PROVINCE) {
            chain.add(new RegionCode(value.substring(0, 2) + "0000"));
        }
        return List.copyOf(chain);
    }

    /** The code of a region that may be absent, as the wire and the store carry it. */
    public static String valueOrNull(RegionCode region) {
        return region == null ? null : region.value;
    }

    @Override
    public String toString() {
        return value;
    }
}
