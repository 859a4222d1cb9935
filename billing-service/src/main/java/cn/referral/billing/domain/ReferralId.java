package cn.referral.billing.domain;

/**
 * The id of a referral, as referral-service names it: opaque, never blank. A referral has at most one
 * {@link DeductibleDecision} and one 转院备案, both keyed by it. Stored and sent as its plain {@link #value}
 * (the web, the documents, the wire messages, the audit records and the settlement export keep a string); the
 * type only keeps referral ids apart from the other ids in billing's signatures.
 */
public record ReferralId(String value) {

    public ReferralId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a referral id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
