package cn.referral.registry.domain.institution;

/**
 * The id of an {@link Institution}: opaque, never blank. Stored and sent as its plain {@link #value} (the web,
 * the documents, the snapshots and the demo data keep a string); the type only keeps institution ids apart from
 * the other ids in the registry's signatures.
 */
public record InstitutionId(String value) {

    public InstitutionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an institution id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
