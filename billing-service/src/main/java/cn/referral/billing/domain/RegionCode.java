package cn.referral.billing.domain;

import java.util.regex.Pattern;

/** 统筹区 (insurance pooling region) as a GB/T 2260 administrative division code: six digits. */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new BillingRuleViolation("region-code", "region",
                    "a region code is six digits (GB/T 2260), not " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
