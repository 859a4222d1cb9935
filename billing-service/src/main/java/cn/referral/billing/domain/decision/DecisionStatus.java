package cn.referral.billing.domain.decision;

/** An issued decision holds until the referral is cancelled, expires or the patient does not show. */
public enum DecisionStatus {
    ISSUED, REVOKED
}
