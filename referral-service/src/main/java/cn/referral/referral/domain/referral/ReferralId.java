package cn.referral.referral.domain.referral;

/**
 * The id of a {@link Referral}: opaque, never blank. Stored and sent as its plain {@link #value} (the web,
 * the FHIR view, the referral document and the wire messages keep a string); the type only keeps referral
 * ids apart from the other ids in the referral's signatures. A down-referral names its up-referral by it.
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
