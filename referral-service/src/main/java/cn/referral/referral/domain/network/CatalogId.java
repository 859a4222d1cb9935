package cn.referral.referral.domain.network;

/**
 * The id of a referral {@link Catalog} (病种目录) of the registry's view: opaque, never blank. Stored and sent
 * as its plain {@link #value} (the catalog document, the wire snapshots and a referral's {@code Eligibility},
 * which records the deciding catalog as written, keep a string).
 */
public record CatalogId(String value) {

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
