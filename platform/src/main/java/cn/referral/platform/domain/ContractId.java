package cn.referral.platform.domain;

/**
 * The id of a family-doctor contract (签约): opaque, never blank. Registry-service gives it; referral's contract view
 * is keyed by it.
 *
 * <p>One of the ids of the published language (DESIGN §3: record keys and {@code ce_subject}), so it is declared
 * once, in this kernel, for every service's domain. Stored and sent as its plain {@link #value} (the web, the
 * documents and the wire messages keep a string); the type only keeps this id apart from the other ids in the
 * signatures.
 */
public record ContractId(String value) implements Identifier {

    public ContractId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a contract id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
