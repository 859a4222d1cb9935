package cn.referral.referral.domain.referral;

/** What quota-service last said about this referral's slot. */
public enum QuotaState {
    /** nothing heard yet */
    PENDING,
    HELD,
    WAITLISTED,
    /** no pool exists for the request: the desk must schedule by hand or reject */
    UNAVAILABLE,
    CONFIRMED,
    RELEASED
}
