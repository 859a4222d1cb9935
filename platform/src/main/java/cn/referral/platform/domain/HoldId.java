package cn.referral.platform.domain;

/**
 * The id of a hold on one reserved unit of a pool: opaque, never blank. Quota-service gives it; its later
 * confirmation or release names the hold by it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record HoldId(String value) implements Identifier {

    public HoldId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a hold id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
