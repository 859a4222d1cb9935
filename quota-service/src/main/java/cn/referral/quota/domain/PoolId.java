package cn.referral.quota.domain;

/**
 * The id of a {@link Pool}: opaque, never blank. Stored and sent as its plain {@link #value} (the web,
 * the pool document and the wire messages keep a string); the type only keeps pool ids apart from
 * the other ids in the ledger's signatures.
 */
public record PoolId(String value) {

    public PoolId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a pool id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
