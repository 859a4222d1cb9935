package cn.referral.billing.domain.filing;

import cn.referral.platform.domain.Identifier;

/**
 * The id of a {@link TransferFiling} (转院备案), given by billing when it registers one: opaque, never blank.
 * Stored and sent as its plain {@link #value} (the web, the filing document and the 2501/2502 wire records
 * keep a string); the type only keeps filing ids apart from the other ids in billing's signatures.
 */
public record FilingId(String value) implements Identifier {

    public FilingId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a filing id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
