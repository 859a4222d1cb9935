package cn.referral.referral.domain.network;

/**
 * The id of an {@link Alliance} (医联体) of the registry's view: opaque, never blank. Stored and sent as its
 * plain {@link #value} (the KPI scope, the FHIR Organization, the alliance document and the wire snapshots keep
 * a string); the type only keeps alliance ids apart from the institution ids they are often given beside.
 */
public record AllianceId(String value) {

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
