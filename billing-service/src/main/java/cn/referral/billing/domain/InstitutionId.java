package cn.referral.billing.domain;

/**
 * The id of an {@link Institution}, as registry-service names it: opaque, never blank. Stored and sent as
 * its plain {@link #value} (the web, the documents, the wire messages and the settlement export keep a
 * string); the type only keeps institution ids apart from the other ids in billing's signatures.
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
