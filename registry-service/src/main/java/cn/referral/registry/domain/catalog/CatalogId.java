package cn.referral.registry.domain.catalog;

/**
 * The id of a {@link DiseaseCatalog}: opaque, never blank. Stored and sent as its plain {@link #value} (the web,
 * the documents, the snapshots and the demo data keep a string); the type only keeps catalog ids apart from the
 * other ids in the registry's signatures.
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
