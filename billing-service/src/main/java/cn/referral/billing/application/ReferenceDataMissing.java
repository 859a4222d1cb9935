package cn.referral.billing.application;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;

/**
 * An accepted referral names an institution the local registry view does not hold. Billing does
 * not guess a level or an alliance: the message fails, is retried, and is dead-lettered if the
 * registry snapshot still has not arrived, to be replayed once it has.
 */
public class ReferenceDataMissing extends RuntimeException {

    private final InstitutionId institutionId;

    public ReferenceDataMissing(ReferralId referralId, InstitutionId institutionId) {
        super("Referral " + referralId + " names institution " + institutionId
                + ", which the registry view does not hold (yet); not deciding without it");
        this.institutionId = institutionId;
    }

    public InstitutionId institutionId() {
        return institutionId;
    }
}
