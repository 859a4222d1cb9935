package cn.referral.referral.adapter.out.crypto;

import org.springframework.stereotype.Component;

import cn.referral.platform.crypto.IdentityNumbers;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.application.port.in.PatientDetails;
import cn.referral.referral.application.port.in.RevealedPatient;
import cn.referral.referral.application.port.out.PatientDataProtection;
import cn.referral.referral.domain.referral.Insurance;
import cn.referral.referral.domain.referral.Patient;
import cn.referral.referral.domain.referral.Sealed;

/**
 * Patient details at rest (PIPL, DESIGN §5): name, identity number, birth date, phone and insured
 * person number are sealed (Tink AEAD) for their referral and field, so a sealed value moved to another
 * referral or field does not open (the birth date is shown only as a year); the identity number's keyed pseudonym is the blind index and the
 * {@code patientRef}; readers see the identity and insured person numbers only masked.
 */
@Component
class SealingPatientDataProtection implements PatientDataProtection {

    static final String COLLECTION = "referrals";
    static final String NAME = "patient.name";
    static final String BIRTH_DATE = "patient.birthDate";
    static final String ID_NUMBER = "patient.idNumber";
    static final String PHONE = "patient.phone";
    /** Also how billing opens it from {@code referral.accepted.v1} (docs/patient-data-keys.md). */
    static final String INSURED_PERSON_NO = "patient.insuredPersonNo";

    private final PatientDataCrypto crypto;

    SealingPatientDataProtection(PatientDataCrypto crypto) {
        this.crypto = crypto;
    }

    @Override
    public String patientRef(String idNumber) {
        return crypto.pseudonym(idNumber);
    }

    @Override
    public Patient protect(ReferralId referralId, PatientDetails details) {
        String name = details.name().strip();
        Insurance insurance = new Insurance(details.insuranceScheme(), details.insuranceRegionCode(),
                seal(details.insuredPersonNo(), referralId, INSURED_PERSON_NO), maskTail(details.insuredPersonNo()));
        return new Patient(patientRef(details.idNumber()), seal(name, referralId, NAME), maskName(name),
                details.gender(), seal(details.birthDate().toString(), referralId, BIRTH_DATE),
                details.birthDate().getYear(), seal(details.idNumber(), referralId, ID_NUMBER),
                IdentityNumbers.mask(details.idNumber()), insurance,
                details.phone() == null || details.phone().isBlank() ? null : seal(details.phone(), referralId, PHONE));
    }

    @Override
    public RevealedPatient reveal(ReferralId referralId, Patient patient) {
        Insurance insurance = patient.insurance();
        return new RevealedPatient(crypto.unseal(patient.name().value(), context(referralId.value(), NAME)),
                patient.gender(),
                patient.birthYear(), patient.maskedIdNumber(), patient.patientRef(), insurance.scheme(),
                insurance.regionCode(), insurance.insuredPersonNoMasked(),
                patient.phone() == null ? null
                        : crypto.unseal(patient.phone().value(), context(referralId.value(), PHONE)));
    }

    /** Where a patient detail of a referral is sealed: the associated data that binds it there. */
    static SealContext context(String referralId, String field) {
        return new SealContext(COLLECTION, referralId, field);
    }

    private Sealed seal(String value, ReferralId referralId, String field) {
        return new Sealed(crypto.seal(value, context(referralId.value(), field)));
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
