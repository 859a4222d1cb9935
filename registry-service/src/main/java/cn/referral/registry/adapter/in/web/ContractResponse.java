package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;

import cn.referral.registry.domain.contract.FamilyDoctorContract;

/** A contract as shown: the patient by pseudonym and masked identity number only. */
public record ContractResponse(String id, String patientRef, String identityNumberMasked, String primaryInstitutionId,
                               String districtHospitalId, String cityHospitalId, String familyDoctorId,
                               String validFrom, String validUntil, boolean active, boolean validToday,
                               long version) {

    static ContractResponse of(FamilyDoctorContract contract, LocalDate today) {
        var terms = contract.terms();
        return new ContractResponse(contract.id().value(), contract.patientRef(), contract.identityNumberMasked(),
                terms.primaryInstitutionId().value(),
                terms.districtHospitalId() == null ? null : terms.districtHospitalId().value(),
                terms.cityHospitalId() == null ? null : terms.cityHospitalId().value(),
                terms.familyDoctorId().value(), terms.validFrom().toString(), terms.validUntil().toString(), contract.active(),
                contract.isValidOn(today), contract.version());
    }
}
