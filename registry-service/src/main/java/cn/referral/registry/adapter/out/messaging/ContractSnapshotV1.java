package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;

/**
 * Wire record of {@code registry.contract.v1} on the compacted topic {@code registry.contracts.v1}, keyed by
 * contractId (one latest snapshot per contract; a patient may have an old and a new one). {@code patientRef}
 * is the pseudonym, never the identity number. District and city hospital are null for a plain
 * family-doctor contract. {@code occurredAt} (added): when the change that led to this snapshot happened.
 */
public record ContractSnapshotV1(String contractId, String patientRef, String primaryInstitutionId,
                                 String districtHospitalId, String cityHospitalId, String familyDoctorId,
                                 String validFrom, String validUntil, boolean active, long version,
                                 Instant occurredAt) {
}
