package cn.referral.referral.domain.referral;

/**
 * The id of quota-service's pool a referral's unit is held or waitlisted in ({@link SlotHold},
 * {@link SlotStatus}): opaque, never blank. Stored and sent as its plain {@link #value} (the referral document,
 * the slot response and quota's wire messages keep a string).
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
