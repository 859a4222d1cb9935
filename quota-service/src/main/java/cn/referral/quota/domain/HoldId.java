package cn.referral.quota.domain;

/**
 * The id of a {@link Hold}: opaque, never blank. Stored and sent as its plain {@link #value} (the pool
 * document and the wire messages keep a string); the type only keeps hold ids apart from the other
 * ids in the ledger's signatures.
 */
public record HoldId(String value) {

    public HoldId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a hold id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
