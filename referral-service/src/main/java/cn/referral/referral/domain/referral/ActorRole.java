package cn.referral.referral.domain.referral;

/** The capacity in which someone acted on a referral; SYSTEM for timers and the quota saga. */
public enum ActorRole {
    PRIMARY_DOCTOR, HOSPITAL_DOCTOR, REFERRAL_DESK, AUDITOR, OTHER, SYSTEM;

    public boolean isDoctor() {
        return this == PRIMARY_DOCTOR || this == HOSPITAL_DOCTOR;
    }
}
