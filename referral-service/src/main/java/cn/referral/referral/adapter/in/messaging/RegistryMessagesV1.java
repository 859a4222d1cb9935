package cn.referral.referral.adapter.in.messaging;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields referral-service reads of the registry's catalog, contract, alliance and practitioner snapshots
 * (docs/event-contracts.md); anything else they carry is ignored (tolerant reader).
 */
final class RegistryMessagesV1 {

    private RegistryMessagesV1() {
    }

    record CatalogEntryV1(String code, String name, List<String> careTypes) {
    }

    record CatalogSnapshotV1(String catalogId, String name, String direction, String targetLevel, long version,
                             LocalDate effectiveFrom, Boolean active, List<CatalogEntryV1> entries) {
    }

    record ContractSnapshotV1(String contractId, String patientRef, String primaryInstitutionId,
                              String districtHospitalId, String cityHospitalId, String familyDoctorId,
                              LocalDate validFrom, LocalDate validUntil, Boolean active, long version) {
    }

    record AllianceSnapshotV1(String allianceId, String name, List<String> memberInstitutionIds, Boolean active,
                              long version) {
    }

    record PractitionerSnapshotV1(String practitionerId, String institutionId, String role, Boolean active,
                                  long version) {
    }
}
