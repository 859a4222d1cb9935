package cn.referral.referral.application.port.out;

/** A referral with this id exists already (a replayed submission raced its twin). */
public class DuplicateReferralId extends RuntimeException {

    public DuplicateReferralId(String id) {
        super("Referral " + id + " exists already");
    }
}
