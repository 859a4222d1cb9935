package cn.referral.billing.domain;

/**
 * The id of an {@link Alliance} (医联体), as registry-service names it: opaque, never blank. Stored and sent
 * as its plain {@link #value} (the alliance view, the decision document, the wire messages and the settlement
 * export keep a string); the type only keeps alliance ids apart from the other ids in billing's signatures.
 */
public record AllianceId(String value) {

    public AllianceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an alliance id cannot be blank");
        }
    }

    /** The value of an alliance id that may be absent (no alliance holds both), as the wire and the store carry it. */
    public static String valueOrNull(AllianceId id) {
        return id == null ? null : id.value;
    }

    @Override
    public String toString() {
        return value;
    }
}
