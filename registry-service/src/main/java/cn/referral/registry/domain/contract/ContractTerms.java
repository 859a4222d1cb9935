package cn.referral.registry.domain.contract;

import java.time.LocalDate;

/**
 * The institutions and doctor a resident signs with and for how long. District and city hospital
 * are optional: a plain family-doctor contract has neither, a "1+1+1" contract has both.
 */
public record ContractTerms(String primaryInstitutionId, String districtHospitalId, String cityHospitalId,
                            String familyDoctorId, LocalDate validFrom, LocalDate validUntil) {
}
