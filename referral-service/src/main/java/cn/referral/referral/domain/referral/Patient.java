package cn.referral.referral.domain.referral;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The referred patient. Name, identity number and phone are held sealed; the identity number
 * is known to others only by {@code patientRef} (its keyed pseudonym) and shown only masked.
 */
public record Patient(String patientRef, Sealed name, String maskedName, Gender gender, LocalDate birthDate,
                      Sealed idNumber, String maskedIdNumber, Insurance insurance, Sealed phone) {

    public Patient {
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(insurance, "insurance");
    }
}
