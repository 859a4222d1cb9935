package cn.referral.platform.domain;

/**
 * The id of an alliance (医联体): opaque, never blank. Registry-service gives it; referral scopes its KPIs by it and
 * billing its same-alliance deductible rule.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record AllianceId(String value) implements Identifier {

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
