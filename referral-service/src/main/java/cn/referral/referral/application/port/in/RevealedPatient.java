package cn.referral.referral.application.port.in;

import cn.referral.referral.domain.referral.Gender;
import cn.referral.referral.domain.referral.InsuranceScheme;

/**
 * The patient as shown to someone entitled to see the referral: identity numbers masked, the birth
 * date reduced to its year (the full date is the masked middle of the identity number).
 */
public record RevealedPatient(String name, Gender gender, int birthYear, String maskedIdNumber,
                              String patientRef, InsuranceScheme insuranceScheme, String insuranceRegionCode,
                              String maskedInsuredPersonNo, String phone) {
}
