package cn.referral.referral.domain.referral;

import java.util.Objects;

/**
 * The referred patient. Name, identity number, birth date and phone are held sealed; the identity
 * number is known to others only by {@code patientRef} (its keyed pseudonym) and shown only masked.
 * The birth date is sealed because its eight digits are the hidden middle of the identity number
 * (DESIGN §5): only the birth year is kept in clear, to be shown beside the mask.
 */
public record Patient(String patientRef, Sealed name, String maskedName, Gender gender, Sealed birthDate,
                      int birthYear, Sealed idNumber, String maskedIdNumber, Insurance insurance, Sealed phone) {

    public Patient {
        Objects.requireNonNull(patientRef, "patientRef");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(insurance, "insurance");
    }
}
