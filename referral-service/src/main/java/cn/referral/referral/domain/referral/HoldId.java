package cn.referral.referral.domain.referral;

/**
 * The id quota-service gives the unit it holds for a referral ({@link SlotHold}, {@link SlotStatus}): opaque,
 * never blank. Stored and sent as its plain {@link #value} (the referral document, the slot response and quota's
 * wire messages keep a string); quota's later confirmation or release names the hold by it.
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
