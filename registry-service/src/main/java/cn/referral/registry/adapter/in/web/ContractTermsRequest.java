package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;

import cn.referral.registry.domain.contract.ContractTerms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /contracts/{id}} (e.g. a renewal): new terms, same patient. */
public record ContractTermsRequest(
        @NotBlank String primaryInstitutionId,
        String districtHospitalId,
        String cityHospitalId,
        @NotBlank String familyDoctorId,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil) {

    ContractTerms toTerms() {
        return new ContractTerms(primaryInstitutionId, ContractRequest.blankToNull(districtHospitalId),
                ContractRequest.blankToNull(cityHospitalId), familyDoctorId, validFrom, validUntil);
    }
}
