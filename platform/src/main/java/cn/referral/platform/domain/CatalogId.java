package cn.referral.platform.domain;

/**
 * The id of a referral disease catalog (病种目录): opaque, never blank. Registry-service gives it; a referral's
 * eligibility records the deciding catalog by it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record CatalogId(String value) implements Identifier {

    public CatalogId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a catalog id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
