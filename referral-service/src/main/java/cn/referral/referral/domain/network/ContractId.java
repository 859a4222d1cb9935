package cn.referral.referral.domain.network;

/**
 * The id of a {@link FamilyDoctorContract} (签约) of the registry's view: opaque, never blank; the contract view
 * is keyed by it. Stored and sent as its plain {@link #value} (the contract document and the wire snapshots keep a
 * string).
 */
public record ContractId(String value) {

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
