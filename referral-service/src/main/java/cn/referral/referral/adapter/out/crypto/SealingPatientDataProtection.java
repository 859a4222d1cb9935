package cn.referral.referral.adapter.out.crypto;

import org.springframework.stereotype.Component;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.RevealedPatient;
import cn.referral.referral.application.port.out.PatientDataProtection;
import cn.referral.referral.domain.referral.Insurance;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.Sealed;

/**
 * Patient details at rest (PIPL, DESIGN §5): name, identity number, phone and insured person
 * number are sealed with AES-GCM; the identity number's keyed pseudonym is the blind index and the
 * {@code patientRef}; readers see the identity and insured person numbers only masked.
 */
@Component
class SealingPatientDataProtection implements PatientDataProtection {

    private final PatientDataCrypto crypto;

    SealingPatientDataProtection(PatientDataCrypto crypto) {
        this.crypto = crypto;
    }

    @Override
    public String patientRef(String idNumber) {
        return crypto.pseudonym(idNumber);
    }

    @Override
    public Patient protect(PatientDetails details) {
        String name = details.name().strip();
        Insurance insurance = new Insurance(details.insuranceScheme(), details.insuranceRegionCode(),
                seal(details.insuredPersonNo()), maskTail(details.insuredPersonNo()));
        return new Patient(patientRef(details.idNumber()), seal(name), maskName(name), details.gender(),
                details.birthDate(), seal(details.idNumber()), IdentityNumbers.mask(details.idNumber()), insurance,
                details.phone() == null || details.phone().isBlank() ? null : seal(details.phone()));
    }

    @Override
    public RevealedPatient reveal(Patient patient) {
        Insurance insurance = patient.insurance();
        return new RevealedPatient(crypto.unseal(patient.name().value()), patient.gender(), patient.birthDate(),
                patient.maskedIdNumber(), patient.patientRef(), insurance.scheme(), insurance.regionCode(),
                insurance.insuredPersonNoMasked(), patient.phone() == null ? null : crypto.unseal(patient.phone().value()));
    }

    private Sealed seal(String value) {
        return new Sealed(crypto.seal(value));
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***: enough for a worklist line, not enough to identify. */
    static String maskName(String name) {
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    private static String maskTail(String value) {
        return value.length() <= 4 ? "****" : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
    }
}
