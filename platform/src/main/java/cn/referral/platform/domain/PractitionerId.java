package cn.referral.platform.domain;

/**
 * The id of a practitioner (a doctor, nurse or health manager of one institution): opaque, never blank.
 * Registry-service gives it; referral's practitioner view is keyed by it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents, the demo data and the wire messages keep a string); the type only keeps practitioner ids apart from
 * the other ids in the signatures.
 */
public record PractitionerId(String value) implements Identifier {

    public PractitionerId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a practitioner id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
