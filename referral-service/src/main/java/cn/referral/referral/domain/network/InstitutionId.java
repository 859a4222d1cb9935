package cn.referral.referral.domain.network;

/**
 * The id of an {@link Institution} of the network, as the registry gives it: opaque, never blank. Stored and
 * sent as its plain {@link #value} (the web, the FHIR view, the documents and the wire messages keep a string);
 * the type only keeps institution ids apart from the other ids in the signatures.
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
