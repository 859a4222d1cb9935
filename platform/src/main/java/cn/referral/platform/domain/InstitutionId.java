package cn.referral.platform.domain;

/**
 * The id of an institution (a primary-care centre or a hospital): opaque, never blank. Registry-service gives it;
 * the other services learn it from registry's snapshots.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record InstitutionId(String value) implements Identifier {

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
