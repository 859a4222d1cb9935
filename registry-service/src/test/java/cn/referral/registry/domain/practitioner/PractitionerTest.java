package cn.referral.registry.domain.practitioner;

import static cn.referral.registry.domain.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;

class PractitionerTest {

    private static final InstitutionId NANHUI = new InstitutionId("wz-lucheng-nanhui-chc");

    private final Practitioner familyDoctor = Practitioner.register(new PractitionerId("wz-nanhui-gp-1"),
            atNanhui("陈晓红", PractitionerRole.GENERAL_PRACTITIONER), NOW).state();

    @Test
    void aRevisionKeepsIdInstitutionAndActiveFlagAndRaisesTheVersion() {
        Outcome<Practitioner> revised = familyDoctor.revise(new PractitionerDetails(" 陈晓红 ", NANHUI,
                PractitionerRole.SPECIALIST, "副主任医师", "康复医学科"), NOW);

        assertThat(revised.events()).containsExactly(new PractitionerEvent.Revised(revised.state(), NOW));
        assertThat(revised.state().id()).isEqualTo(familyDoctor.id());
        assertThat(revised.state().name()).isEqualTo("陈晓红");
        assertThat(revised.state().institutionId()).isEqualTo(NANHUI);
        assertThat(revised.state().title()).isEqualTo("副主任医师");
        assertThat(revised.state().department()).isEqualTo("康复医学科");
        assertThat(revised.state().version()).isEqualTo(2);
        assertThat(revised.state().active()).isTrue();
        assertThat(revised.state().canBeFamilyDoctor()).as("a specialist now").isFalse();
    }

    @Test
    void aPractitionerWhoMovesIsNotRevisedToTheOtherInstitution() {
        PractitionerDetails elsewhere = new PractitionerDetails("陈晓红", new InstitutionId("wz-lucheng-wuma-chc"),
                PractitionerRole.GENERAL_PRACTITIONER, "主治医师", "全科");

        assertThatThrownBy(() -> familyDoctor.revise(elsewhere, NOW)).isInstanceOfSatisfying(
                RegistryRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("practitioner-moved");
                    assertThat(violation.field()).isEqualTo("institutionId");
                    assertThat(violation).hasMessageContaining("wz-lucheng-wuma-chc")
                            .hasMessageContaining(NANHUI.value());
                });
    }

    @Test
    void deactivationHappensOnceKeepsTheRoleAndRemovalIsAnnouncedAsSuch() {
        Practitioner left = familyDoctor.deactivate(NOW).state();

        assertThat(left.active()).isFalse();
        assertThat(left.version()).isEqualTo(2);
        assertThat(left.role()).isEqualTo(PractitionerRole.GENERAL_PRACTITIONER);
        assertThatThrownBy(() -> left.deactivate(NOW)).isInstanceOfSatisfying(RegistryRuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo("practitioner-inactive"));
        assertThat(left.remove(NOW).withdrawsRecord()).isTrue();
        assertThat(familyDoctor.deactivate(NOW).withdrawsRecord()).isFalse();
        assertThatThrownBy(() -> left.requireVersion(1)).isInstanceOfSatisfying(StaleVersion.class,
                stale -> assertThat(stale).hasMessage("Practitioner wz-nanhui-gp-1 is at version 2, not 1"));
    }

    @Test
    void aPractitionerStoredBeforePublicationIsPublishedAsRegisteredUnchanged() {
        Outcome<Practitioner> late = familyDoctor.registrationPublishedLate(NOW);

        assertThat(late.state()).isEqualTo(familyDoctor);
        assertThat(late.events()).containsExactly(new PractitionerEvent.Registered(familyDoctor, NOW));
    }

    private static PractitionerDetails atNanhui(String name, PractitionerRole role) {
        return new PractitionerDetails(name, NANHUI, role, "主治医师", "全科");
    }
}
