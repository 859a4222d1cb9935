package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.domain.referral.ContinuityPlan;
import cn.referral.referral.domain.referral.ContractHandover;
import cn.referral.referral.domain.referral.FollowUp;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

class HandoverToFamilyDoctorAtTargetTest {

    private static final InstitutionId SHIJING = new InstitutionId("na-shijing-thc");
    private static final InstitutionId NANHUI = new InstitutionId("wz-lucheng-nanhui-chc");
    private static final String FIELD = "continuityPlan.handover.familyDoctorId";

    private final Practitioner shijingGp = doctor("na-shijing-gp-1", SHIJING, "GENERAL_PRACTITIONER", true);

    @Test
    void aGeneralPractitionerOrVillageDoctorInServiceAtTheTargetTakesThePatientOver() {
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("na-shijing-gp-1"), SHIJING, shijingGp))
                .doesNotThrowAnyException();
        Practitioner villageDoctor = doctor("na-shijing-vd-1", SHIJING, "VILLAGE_DOCTOR", true);
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("na-shijing-vd-1"), SHIJING,
                villageDoctor)).doesNotThrowAnyException();
    }

    @Test
    void aDoctorOfAnotherInstitutionIsRefusedNamingWhereTheyWork() {
        ReferralRuleViolation violation = refused(handingOverTo("na-shijing-gp-1"), NANHUI, shijingGp);

        assertThat(violation.code()).isEqualTo("handover-doctor-not-at-institution");
        assertThat(violation.getMessage()).isEqualTo("na-shijing-gp-1 works at na-shijing-thc, "
                + "not at wz-lucheng-nanhui-chc where the patient goes");
    }

    @Test
    void aDoctorTheRegistryDoesNotKnowOrNoLongerInServiceIsRefused() {
        ReferralRuleViolation unknown = refused(handingOverTo("dr-nobody"), SHIJING, null);
        assertThat(unknown.code()).isEqualTo("handover-doctor-not-at-institution");
        assertThat(unknown.getMessage()).contains("dr-nobody");

        Practitioner retired = doctor("na-shijing-gp-2", SHIJING, "GENERAL_PRACTITIONER", false);
        ReferralRuleViolation inactive = refused(handingOverTo("na-shijing-gp-2"), SHIJING, retired);
        assertThat(inactive.code()).isEqualTo("handover-doctor-not-at-institution");
        assertThat(inactive.getMessage()).isEqualTo("na-shijing-gp-2 is no longer in service");
    }

    @Test
    void aSpecialistAtTheTargetIsNoFamilyDoctor() {
        Practitioner specialist = doctor("na-shijing-cardio", SHIJING, "SPECIALIST", true);

        assertThat(refused(handingOverTo("na-shijing-cardio"), SHIJING, specialist).code())
                .isEqualTo("handover-doctor-not-family-doctor");
    }

    @Test
    void aPlanThatNamesNoDoctorIsNotChecked() {
        List<FollowUp> followUp = List.of(new FollowUp(14, "复查"));
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(null, SHIJING, null)).doesNotThrowAnyException();
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(new ContinuityPlan(followUp, null, null), SHIJING,
                null)).doesNotThrowAnyException();
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(new ContinuityPlan(followUp, null,
                new ContractHandover(null, "康复训练")), SHIJING, null)).doesNotThrowAnyException();
        assertThatCode(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo(" "), SHIJING, null))
                .doesNotThrowAnyException();
        assertThat(HandoverToFamilyDoctorAtTarget.named(handingOverTo(" "))).isNull();
        assertThat(HandoverToFamilyDoctorAtTarget.named(handingOverTo("na-shijing-gp-1"))).isEqualTo("na-shijing-gp-1");
    }

    /** The rule broken by handing the patient over to {@code doctor} at {@code target}: always on the handover's field. */
    private static ReferralRuleViolation refused(ContinuityPlan plan, InstitutionId target, Practitioner doctor) {
        Throwable thrown = catchThrowable(() -> HandoverToFamilyDoctorAtTarget.check(plan, target, doctor));
        assertThat(thrown).isInstanceOf(ReferralRuleViolation.class);
        ReferralRuleViolation violation = (ReferralRuleViolation) thrown;
        assertThat(violation.field()).isEqualTo(FIELD);
        return violation;
    }

    private static ContinuityPlan handingOverTo(String familyDoctorId) {
        return new ContinuityPlan(List.of(new FollowUp(14, "复查")), null, new ContractHandover(familyDoctorId, null));
    }

    private static Practitioner doctor(String id, InstitutionId institution, String role, boolean active) {
        return new Practitioner(new PractitionerId(id), institution, role, active, 1);
    }
}
