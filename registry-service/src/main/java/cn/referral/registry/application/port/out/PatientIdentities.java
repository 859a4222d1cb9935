package cn.referral.registry.application.port.out;

/** Turns a resident identity number into what the registry may keep: its pseudonym and its masked form. */
public interface PatientIdentities {

    /** The keyed HMAC pseudonym every service knows the patient by ({@code patientRef}). */
    String patientRef(String identityNumber);

    /** The form that may be shown: first 6, eight asterisks, last 4. */
    String masked(String identityNumber);
}
