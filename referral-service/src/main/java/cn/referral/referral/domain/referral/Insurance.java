package cn.referral.referral.domain.referral;

import java.util.Objects;

/**
 * How the patient is insured: scheme, the insuring region (GB/T 2260) and the insured person
 * number (医保人员编号), which is sealed and goes out only to billing in the accepted event.
 */
public record Insurance(InsuranceScheme scheme, String regionCode, Sealed insuredPersonNo, String insuredPersonNoMasked) {

    public Insurance {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(insuredPersonNo, "insuredPersonNo");
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            throw new ReferralRuleViolation("insurance-region", "insurance.regionCode must be a six-digit region code");
        }
    }
}
