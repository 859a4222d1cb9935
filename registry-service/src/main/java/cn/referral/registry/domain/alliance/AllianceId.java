package cn.referral.registry.domain.alliance;

/**
 * The id of an {@link Alliance} (医联体): opaque, never blank. Stored and sent as its plain {@link #value} (the
 * web, the documents, the snapshots and the demo data keep a string); the type only keeps alliance ids apart from
 * the other ids in the registry's signatures.
 */
public record AllianceId(String value) {

    public AllianceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an alliance id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
