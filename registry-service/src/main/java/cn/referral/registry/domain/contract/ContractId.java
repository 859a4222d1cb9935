package cn.referral.registry.domain.contract;

/**
 * The id of a {@link FamilyDoctorContract}: opaque, never blank, and not the patient (a contract's patient is its
 * {@code patientRef}). Stored and sent as its plain {@link #value} (the web, the documents, the snapshots and the
 * audit trail keep a string); the type only keeps contract ids apart from the other ids in the registry's signatures.
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
