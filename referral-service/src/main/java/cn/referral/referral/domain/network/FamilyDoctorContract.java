package cn.referral.referral.domain.network;

import java.time.LocalDate;
import java.util.Objects;

/** A family-doctor contract (签约, "1+1+1"), keyed by the patient's pseudonym. */
public record FamilyDoctorContract(String contractId, String patientRef, String primaryInstitutionId,
                                   String districtHospitalId, String cityHospitalId, String familyDoctorId,
                                   LocalDate validFrom, LocalDate validUntil, boolean active, long version) {

    public FamilyDoctorContract {
        Objects.requireNonNull(patientRef, "patientRef");
    }

    public boolean isValidOn(LocalDate day) {
        return active && (validFrom == null || !validFrom.isAfter(day)) && (validUntil == null || !validUntil.isBefore(day));
    }
}
