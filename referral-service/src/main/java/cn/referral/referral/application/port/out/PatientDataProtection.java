package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.RevealedPatient;
import cn.referral.referral.domain.referral.Patient;

/** Seals patient details for storage and opens them for an entitled reader (identity numbers stay masked). */
public interface PatientDataProtection {

    /** The keyed pseudonym of an identity number: the {@code patientRef} other services know. */
    String patientRef(String idNumber);

    /** The patient's details sealed for this referral: a sealed value opens only in the referral it belongs to. */
    Patient protect(ReferralId referralId, PatientDetails details);

    RevealedPatient reveal(ReferralId referralId, Patient patient);
}
