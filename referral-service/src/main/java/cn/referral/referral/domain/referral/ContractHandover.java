package cn.referral.referral.domain.referral;

/** Hands the patient back to their family doctor (签约医生) team at the primary institution. */
public record ContractHandover(String familyDoctorId, String note) {
}
