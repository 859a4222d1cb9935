package cn.referral.registry.adapter.in.web;

import java.time.LocalDate;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
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
        return new ContractTerms(new InstitutionId(primaryInstitutionId),
                Identifier.ofValueOrNull(districtHospitalId, InstitutionId::new),
                Identifier.ofValueOrNull(cityHospitalId, InstitutionId::new), new PractitionerId(familyDoctorId),
                validFrom, validUntil);
    }
}
