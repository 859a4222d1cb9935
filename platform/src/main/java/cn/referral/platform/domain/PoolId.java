package cn.referral.platform.domain;

/**
 * The id of a pool of one day's slots, beds or examinations with its reserve: opaque, never blank. Quota-service
 * gives it; a referral's unit is held or waitlisted in it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record PoolId(String value) implements Identifier {

    public PoolId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a pool id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
