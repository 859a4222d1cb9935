package cn.referral.referral.domain.referral;

import java.util.regex.Pattern;

/**
 * How far a referral goes, from the two institutions' administrative division codes (GB/T 2260, six
 * digits: the first two name the province, the first four the prefecture-level city, all six the
 * county or district). It is fixed when the referral is submitted, so a later re-coding of a region
 * does not rewrite history.
 * <p>
 * Seed 001 (九): “实现近三年县域外转诊率排名前 5 位的病种转诊率明显下降”: the out-of-county referral rate needs
 * to know, per referral, whether it left the county.
 */
public enum ReferralScope {
    /** both institutions in the same county or district (县域内) */
    IN_COUNTY,
    /** another county or district of the same city */
    OUT_OF_COUNTY,
    /** another city of the same province */
    OUT_OF_CITY,
    /** another province */
    OUT_OF_PROVINCE;

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    /** The scope between two region codes; {@code null} when either is missing or not six digits. */
    public static ReferralScope between(String fromRegionCode, String toRegionCode) {
        if (!isRegionCode(fromRegionCode) || !isRegionCode(toRegionCode)) {
            return null;
        }
        if (!fromRegionCode.regionMatches(0, toRegionCode, 0, 2)) {
            return OUT_OF_PROVINCE;
        }
        if (!fromRegionCode.regionMatches(0, toRegionCode, 0, 4)) {
            return OUT_OF_CITY;
        }
        return fromRegionCode.equals(toRegionCode) ? IN_COUNTY : OUT_OF_COUNTY;
    }

    /** Whether the referral left its county (县域外): out of county, city or province. */
    public boolean outOfCounty() {
        return this != IN_COUNTY;
    }

    private static boolean isRegionCode(String code) {
        return code != null && REGION_CODE.matcher(code).matches();
    }
}
