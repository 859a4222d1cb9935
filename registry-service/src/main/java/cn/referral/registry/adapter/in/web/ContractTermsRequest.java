package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;

import cn.referral.registry.domain.contract.ContractTerms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /contracts/{id}} (e.g. a renewal): new terms, same patient; with the identity number, of a signing. */
public record ContractTermsRequest(
        @NotBlank String primaryInstitutionId,
        String districtHospitalId,
        String cityHospitalId,
        @NotBlank String familyDoctorId,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil) {

    ContractTerms toTerms() {
        return new ContractTerms(primaryInstitutionId, blankToNull(districtHospitalId), blankToNull(cityHospitalId),
                familyDoctorId, validFrom, validUntil);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
