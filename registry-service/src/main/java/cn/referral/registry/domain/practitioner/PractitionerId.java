package cn.referral.registry.domain.practitioner;

import cn.referral.platform.domain.Identifier;

/**
 * The id of a {@link Practitioner}: opaque, never blank. Stored and sent as its plain {@link #value} (the web,
 * the documents and the demo data keep a string); the type only keeps practitioner ids apart from the other ids
 * in the registry's signatures.
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
