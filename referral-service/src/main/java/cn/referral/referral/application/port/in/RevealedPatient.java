package cn.referral.referral.application.port.in;

import java.time.LocalDate;

import cn.referral.referral.domain.referral.Gender;
import cn.referral.referral.domain.referral.InsuranceScheme;

/** The patient as shown to someone entitled to see the referral: identity numbers masked. */
public record RevealedPatient(String name, Gender gender, LocalDate birthDate, String maskedIdNumber,
                              String patientRef, InsuranceScheme insuranceScheme, String insuranceRegionCode,
                              String maskedInsuredPersonNo, String phone) {
}
