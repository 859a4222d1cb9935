package cn.referral.referral.application.port.out;

import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.RevealedPatient;
import cn.referral.referral.domain.referral.Patient;

/** Seals patient details for storage and opens them for an entitled reader (identity numbers stay masked). */
public interface PatientDataProtection {

    /** The keyed pseudonym of an identity number: the {@code patientRef} other services know. */
    String patientRef(String idNumber);

    Patient protect(PatientDetails details);

    RevealedPatient reveal(Patient patient);
}
