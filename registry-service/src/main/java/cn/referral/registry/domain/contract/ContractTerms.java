package cn.referral.registry.domain.contract;

import java.time.LocalDate;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;

/**
 * The institutions and doctor a resident signs with and for how long. District and city hospital
 * are optional: a plain family-doctor contract has neither, a "1+1+1" contract has both.
 */
public record ContractTerms(InstitutionId primaryInstitutionId, InstitutionId districtHospitalId,
                            InstitutionId cityHospitalId, PractitionerId familyDoctorId, LocalDate validFrom,
                            LocalDate validUntil) {
}
