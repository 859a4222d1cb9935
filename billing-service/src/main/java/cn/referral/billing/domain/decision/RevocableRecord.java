package cn.referral.billing.domain.decision;

import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

import java.time.Instant;

/**
 * What billing keeps once per accepted referral and revokes when the referral closes (cancelled, expired,
 * no-show): a deductible decision and the 转院备案 filed beside it. Once revoked it says when and why. Both
 * carry the insured person number and are settled by the insurer of the region the patient is insured in.
 */
public interface RevocableRecord {

    ReferralId referralId();

    /** The deductible decision: the record itself, or the one a 转院备案 is filed beside. */
    DecisionId decisionId();

    /** The 医保人员编号 of the patient, which a reader sees in full or masked. */
    InsuredPersonNo insuredPersonNo();

    /** The region the patient is insured in: its insurer settles the record. */
    RegionCode insuringRegion();

    /** Whether the institution is one of the referral's own two (from, to). */
    boolean concernsInstitution(InstitutionId institutionId);

    /** Live (issued, registered) or revoked. */
    Enum<?> status();

    /** Why it was revoked; null while it is live. */
    ClosingReason revocationReason();

    /** When it was revoked; null while it is live. */
    Instant revokedAt();

    /**
     * Grows by one with every change: 1 once issued or registered (2501), 2 once revoked (2502). It changes at most
     * once after it is created, so whether it is revoked says how many changes it has seen and no counter is stored.
     */
    default long version() {
        return revokedAt() == null ? 1 : 2;
    }
}
