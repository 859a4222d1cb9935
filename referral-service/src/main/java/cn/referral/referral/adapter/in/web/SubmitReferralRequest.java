package cn.referral.referral.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import cn.referral.platform.web.ResidentIdentityNumber;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Gender;
import cn.referral.referral.domain.referral.InsuranceScheme;
import cn.referral.referral.domain.referral.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /referrals}. Ids, states, versions and deadlines are the server's and are
 * rejected here. {@code toInstitutionId} may be left out of a down-referral of a contracted
 * patient: it then goes to the patient's family-doctor institution. A down-referral after an up-referral's
 * treatment names it in {@code upReferralId}, closing the loop.
 */
public record SubmitReferralRequest(
        @NotNull Direction direction,
        @NotNull CareType careType,
        @NotNull Urgency urgency,
        @NotNull @Valid PatientRequest patient,
        @NotNull @Valid DiagnosisRequest diagnosis,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 20000) String clinicalSummary,
        @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments,
        @NotBlank @Size(max = 100) String fromInstitutionId,
        @Size(max = 100) String fromDepartment,
        @Size(max = 100) String toInstitutionId,
        @Size(max = 100) String toDepartment,
        @NotNull LocalDate requestedFrom,
        @NotNull LocalDate requestedUntil,
        @Valid SourceEpisodeRequest sourceEpisode,
        @Valid ContinuityPlanRequest continuityPlan,
        @Size(max = 1000) String overrideReason,
        @Size(max = 100) String upReferralId) {

    public record PatientRequest(
            @NotBlank @Size(max = 50) String name,
            @NotNull Gender gender,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotBlank @ResidentIdentityNumber String idNumber,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z]+", message = "must be letters and digits")
            String insuredPersonNo,
            @NotNull InsuranceScheme insuranceScheme,
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 region code")
            String insuranceRegionCode,
            @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number") String phone) {

        @Override
        public String toString() {
            return "PatientRequest[***]";
        }
    }

    public record DiagnosisRequest(
            @NotBlank
            @Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as I63.9")
            String code,
            @Size(max = 200) String name) {
    }

    public record AttachmentRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String mediaType,
                                    @PositiveOrZero long sizeBytes, @NotBlank @Size(max = 500) String documentRef) {
    }

    /**
     * The inpatient stay the patient is transferred out of. {@code dischargedOn}: the day the patient
     * leaves it (discharge or transfer; planned dates allowed), not before {@code admissionDate};
     * billing needs it to treat the admission at the target as the same hospitalisation (同一次住院).
     */
    public record SourceEpisodeRequest(@NotNull @PastOrPresent LocalDate admissionDate, LocalDate dischargedOn,
                                       @NotNull @PositiveOrZero Long deductiblePaidFen) {
    }

    public record FollowUpRequest(@NotNull @Min(0) @Max(365) Integer afterDays, @NotBlank @Size(max = 500) String purpose) {
    }

    public record LongPrescriptionRequest(@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 200) String> medications,
                                          @NotNull @Min(1) @Max(value = 60, message = "must be at most 60 (不超过2个月用药量)")
                                          Integer days) {
    }

    public record ContractHandoverRequest(@Size(max = 100) String familyDoctorId, @Size(max = 1000) String note) {
    }

    public record ContinuityPlanRequest(@NotEmpty @Size(max = 20) List<@NotNull @Valid FollowUpRequest> followUps,
                                        @Valid LongPrescriptionRequest longPrescription,
                                        @Valid ContractHandoverRequest handover) {
    }
}
