package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("na-shijing-gp-1"), NANHUI,
                shijingGp))
                .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("handover-doctor-not-at-institution");
                    assertThat(violation.field()).isEqualTo(FIELD);
                    assertThat(violation.getMessage()).isEqualTo("na-shijing-gp-1 works at na-shijing-thc, "
                            + "not at wz-lucheng-nanhui-chc where the patient goes");
                });
    }

    @Test
    void aDoctorTheRegistryDoesNotKnowOrNoLongerInServiceIsRefused() {
        assertThatThrownBy(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("dr-nobody"), SHIJING, null))
                .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("handover-doctor-not-at-institution");
                    assertThat(violation.field()).isEqualTo(FIELD);
                    assertThat(violation.getMessage()).contains("dr-nobody");
                });
        Practitioner retired = doctor("na-shijing-gp-2", SHIJING, "GENERAL_PRACTITIONER", false);
        assertThatThrownBy(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("na-shijing-gp-2"), SHIJING,
                retired))
                .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("handover-doctor-not-at-institution");
                    assertThat(violation.field()).isEqualTo(FIELD);
                    assertThat(violation.getMessage()).isEqualTo("na-shijing-gp-2 is no longer in service");
                });
    }

    @Test
    void aSpecialistAtTheTargetIsNoFamilyDoctor() {
        Practitioner specialist = doctor("na-shijing-cardio", SHIJING, "SPECIALIST", true);
        assertThatThrownBy(() -> HandoverToFamilyDoctorAtTarget.check(handingOverTo("na-shijing-cardio"), SHIJING,
                specialist))
                .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("handover-doctor-not-family-doctor");
                    assertThat(violation.field()).isEqualTo(FIELD);
                });
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

    private static ContinuityPlan handingOverTo(String familyDoctorId) {
        return new ContinuityPlan(List.of(new FollowUp(14, "复查")), null, new ContractHandover(familyDoctorId, null));
    }

    private static Practitioner doctor(String id, InstitutionId institution, String role, boolean active) {
        return new Practitioner(new PractitionerId(id), institution, role, active, 1);
    }
}
