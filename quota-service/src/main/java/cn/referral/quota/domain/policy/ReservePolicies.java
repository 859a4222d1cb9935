package cn.referral.quota.domain.policy;

import cn.referral.platform.domain.InstitutionId;

import java.util.Map;
import java.util.Objects;

/**
 * The reserve policy of each region ({@code quota.region-policies}): a region code (GB/T 2260) is
 * looked up as county, then city, then province (350583 → 350500 → 350000); a region with no setting
 * serves any referral (seed 002), because no seed sentence narrows the reserve there.
 */
public record ReservePolicies(Map<String, ReservePolicy> byRegion) {

    public static final ReservePolicy DEFAULT = new ReservePolicy.AnyReferral();

    public ReservePolicies {
        byRegion = Map.copyOf(byRegion);
    }

    public static ReservePolicies none() {
        return new ReservePolicies(Map.of());
    }

    /** The policy of the region, or of its city or province, or {@link #DEFAULT}; for an unknown region too. */
    public ReservePolicy of(String regionCode) {
        if (regionCode == null || regionCode.length() != 6) {
            return DEFAULT;
        }
        for (String code : new String[] {regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000"}) {
            ReservePolicy policy = byRegion.get(code);
            if (policy != null) {
                return policy;
            }
        }
        return DEFAULT;
    }

    /** Whether the patient is contracted with the institution that refers them (经基层医生转诊的签约患者). */
    public static boolean referredByContractedPrimary(InstitutionId contractedPrimaryInstitutionId,
                                                      InstitutionId fromInstitutionId) {
        return contractedPrimaryInstitutionId != null
                && Objects.equals(contractedPrimaryInstitutionId, fromInstitutionId);
    }
}
