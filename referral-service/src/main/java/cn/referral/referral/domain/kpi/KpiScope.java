package cn.referral.referral.domain.kpi;

import java.util.Set;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;

/**
 * Whose referrals a report counts: everyone's, one alliance's members', one institution's, or those of
 * institutions in one region (a GB/T 2260 prefix: {@code 35} a province, {@code 3505} a city,
 * {@code 350583} a county). A referral counts when its source or its target is inside.
 */
public record KpiScope(AllianceId allianceId, Set<InstitutionId> institutionIds, InstitutionId institutionId,
                       String regionPrefix) {

    public static KpiScope everywhere() {
        return new KpiScope(null, null, null, null);
    }

    public static KpiScope alliance(AllianceId allianceId, Set<InstitutionId> members) {
        return new KpiScope(allianceId, Set.copyOf(members), null, null);
    }

    public static KpiScope institution(InstitutionId institutionId) {
        return new KpiScope(null, null, institutionId, null);
    }

    /** The institutions in a region: {@code 350583} is the county, {@code 350500} the city, {@code 350000} the province. */
    public static KpiScope region(String regionCode) {
        return new KpiScope(null, null, null, regionPrefix(regionCode));
    }

    /** A region code without its trailing pairs of zeros: the prefix its institutions' codes share. */
    public static String regionPrefix(String regionCode) {
        String prefix = regionCode;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    /** Whether {@code regionCode} lies inside the region {@code outer} (both six digits). */
    public static boolean within(String regionCode, String outer) {
        return regionCode != null && outer != null && regionCode.startsWith(regionPrefix(outer));
    }
}
