package cn.referral.systemtests.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.referral.platform.crypto.IdentityNumbers;

/** Request bodies of referral-service as a doctor's or a desk's client sends them. */
public final class ReferralRequests {

    /** Sequence numbers of this JVM's test patients (the three digits after the birth date). */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 400));

    private ReferralRequests() {
    }

    /**
     * A patient as the referring doctor enters them. The insured person number (医保人员编号) is
     * letters and digits, never 18 digits, so it is never mistaken for an identity number.
     */
    public record Patient(String name, String idNumber, String insuredPersonNo, String insuranceRegionCode,
                          String phone) {

        public String json() {
            return """
                    {"name":"%s","gender":"FEMALE","birthDate":"%s-%s-%s","idNumber":"%s","insuredPersonNo":"%s",
                     "insuranceScheme":"EMPLOYEE","insuranceRegionCode":"%s","phone":"%s"}"""
                    .formatted(name, idNumber.substring(6, 10), idNumber.substring(10, 12), idNumber.substring(12, 14),
                            idNumber, insuredPersonNo, insuranceRegionCode, phone);
        }
    }

    /** A new patient of the region, born on {@code birthDate} (yyyyMMdd), with a valid identity number. */
    public static Patient aPatientOf(String regionCode, String birthDate, String insuranceRegionCode) {
        String idNumber = identityNumber(regionCode, birthDate);
        return new Patient("林秀英", idNumber, "Y" + insuranceRegionCode + idNumber.substring(14, 17),
                insuranceRegionCode, "13800000000");
    }

    /** A valid identity number (GB 11643 check character) of a woman (even sequence digit) born on that day. */
    public static String identityNumber(String regionCode, String birthDate) {
        String first17 = regionCode + birthDate + "%03d".formatted((SEQUENCE.getAndIncrement() * 2) % 1000);
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    /** An up-referral; {@code extraFields} starts with a comma when not empty (e.g. a source episode). */
    public static String anUpReferral(Patient patient, String from, String to, String toDepartment, String careType,
                                      String diagnosis, LocalDate fromDay, LocalDate untilDay, String extraFields) {
        return anUpReferral(patient, "ROUTINE", from, to, toDepartment, careType, diagnosis, fromDay, untilDay,
                extraFields);
    }

    /** An up-referral of that urgency (ROUTINE, URGENT); {@code extraFields} as above. */
    public static String anUpReferral(Patient patient, String urgency, String from, String to, String toDepartment,
                                      String careType, String diagnosis, LocalDate fromDay, LocalDate untilDay,
                                      String extraFields) {
        return referral("UP", careType, urgency, patient, diagnosis, "需要上级医院进一步诊治", "基层初步处置后病情需要专科处理",
                from, "全科", to, toDepartment, fromDay, untilDay, extraFields);
    }

    /** A down-referral for recovery with the continuity plan a down-referral needs. */
    public static String aDownReferral(Patient patient, String from, String fromDepartment, String to,
                                       String toDepartment, String diagnosis, LocalDate fromDay, LocalDate untilDay) {
        return referral("DOWN", "INPATIENT", "ROUTINE", patient, diagnosis, "急性期治疗结束，转回基层康复", "病情稳定",
                from, fromDepartment, to, toDepartment, fromDay, untilDay, """
                        ,"continuityPlan":{"followUps":[{"afterDays":7,"purpose":"复查血压"}],
                          "longPrescription":{"medications":["苯磺酸氨氯地平片 5mg qd"],"days":30}}""");
    }

    public static String anAcceptance(Instant appointmentAt) {
        return "{\"appointmentAt\":\"" + appointmentAt + "\"}";
    }

    private static String referral(String direction, String careType, String urgency, Patient patient, String diagnosis,
                                   String reason, String clinicalSummary, String from, String fromDepartment,
                                   String to, String toDepartment, LocalDate fromDay, LocalDate untilDay,
                                   String extraFields) {
        return """
                {"direction":"%s","careType":"%s","urgency":"%s",
                 "patient":%s,
                 "diagnosis":{"code":"%s"},
                 "reason":"%s","clinicalSummary":"%s",
                 "fromInstitutionId":"%s","fromDepartment":"%s","toInstitutionId":"%s","toDepartment":"%s",
                 "requestedFrom":"%s","requestedUntil":"%s"%s}"""
                .formatted(direction, careType, urgency, patient.json(), diagnosis, reason, clinicalSummary, from,
                        fromDepartment, to, toDepartment, fromDay, untilDay, extraFields);
    }
}
