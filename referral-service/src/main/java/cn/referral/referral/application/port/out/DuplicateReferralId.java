package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.ReferralId;

/** A referral with this id exists already (a replayed submission raced its twin). */
public class DuplicateReferralId extends RuntimeException {

    public DuplicateReferralId(ReferralId id) {
        super("Referral " + id + " exists already");
    }
}
