package cn.referral.billing.domain.decision;

/**
 * How the referral got past referral-service's eligibility check, as {@code referral.accepted.v1}
 * says: the diagnosis is in the registry's catalog for the direction and target level, or the doctor
 * referred outside it with a recorded reason. {@code UNKNOWN} when the event does not say (older
 * producers); it is never taken for {@code CATALOG}.
 */
public enum ReferralEligibility {
    CATALOG, OVERRIDE, UNKNOWN
}
