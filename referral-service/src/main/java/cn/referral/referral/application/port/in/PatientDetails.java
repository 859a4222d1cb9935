package cn.referral.referral.application.port.in;

import java.time.LocalDate;

import cn.referral.referral.domain.referral.Gender;
import cn.referral.referral.domain.referral.InsuranceScheme;

/** The patient as the referring doctor enters them, in clear; protected before anything is stored. */
public record PatientDetails(String name, Gender gender, LocalDate birthDate, String idNumber, String insuredPersonNo,
                             InsuranceScheme insuranceScheme, String insuranceRegionCode, String phone) {

    @Override
    public String toString() {
        return "PatientDetails[***]";
    }
}
