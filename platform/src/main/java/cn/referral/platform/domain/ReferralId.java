package cn.referral.platform.domain;

/**
 * The id of a referral: opaque, never blank. Referral-service gives it on submission; quota keys holds and waitlist
 * entries by it, billing its deductible decision and its 转院备案, and a down-referral names its up-referral by it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record ReferralId(String value) implements Identifier {

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
