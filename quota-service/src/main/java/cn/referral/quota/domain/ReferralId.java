package cn.referral.quota.domain;

/**
 * The id of a referral, as referral-service gave it in its events: opaque, never blank. Stored and sent
 * as its plain {@link #value} (the web, the documents and the wire messages keep a string); the type only
 * keeps referral ids apart from the other ids in the ledger's signatures.
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
