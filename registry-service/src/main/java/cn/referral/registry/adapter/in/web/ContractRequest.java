package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;

import cn.referral.platform.web.ResidentIdentityNumber;
import cn.referral.registry.domain.contract.ContractTerms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /contracts}: the only place the identity number (公民身份号码) enters the registry. It is
 * turned into the patient's pseudonym and masked form at once and never stored, logged or echoed in clear.
 */
public record ContractRequest(
        @NotBlank @ResidentIdentityNumber String identityNumber,
        @NotBlank String primaryInstitutionId,
        String districtHospitalId,
        String cityHospitalId,
        @NotBlank String familyDoctorId,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validUntil) {

    /** Never the number itself, should this ever reach a log line. */
    @Override
    public String toString() {
        return "ContractRequest[primaryInstitutionId=" + primaryInstitutionId + ", familyDoctorId=" + familyDoctorId
                + ", validFrom=" + validFrom + ", validUntil=" + validUntil + "]";
    }

    ContractTerms toTerms() {
        return new ContractTerms(primaryInstitutionId, blankToNull(districtHospitalId), blankToNull(cityHospitalId),
                familyDoctorId, validFrom, validUntil);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
