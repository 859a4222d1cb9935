package cn.referral.registry.domain.policy;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.TODAY;
import static cn.referral.registry.domain.Fixtures.aCityHospital;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static cn.referral.registry.domain.Fixtures.aDistrictHospital;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.contract.ContractTerms;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;

class OnePlusOnePlusOneTest {

    private final Institution centre = aCommunityCentre("chc");
    private final Institution district = aDistrictHospital("district");
    private final Institution city = aCityHospital("city");
    private final Map<InstitutionId, Institution> institutions = Map.of(centre.id(), centre, district.id(), district,
            city.id(), city);
    private final Practitioner gp = new Practitioner(new PractitionerId("gp"), "陈晓红", new InstitutionId("chc"),
            PractitionerRole.GENERAL_PRACTITIONER, "主治医师", "全科", true, 1);

    /** Terms naming institutions and the family doctor by their plain ids; district and city may be null. */
    private static ContractTerms terms(String primary, String district, String city, String doctor) {
        return new ContractTerms(new InstitutionId(primary), district == null ? null : new InstitutionId(district),
                city == null ? null : new InstitutionId(city), new PractitionerId(doctor), TODAY, TODAY.plusYears(1));
    }

    @Test
    void oneCommunityCentreOneDistrictHospitalOneCityHospital() {
        OnePlusOnePlusOne.check(terms("chc", "district", "city", "gp"), institutions, gp);
        OnePlusOnePlusOne.check(terms("chc", null, null, "gp"), institutions, gp);
    }

    @Test
    void eachOneMustBeOfItsLevel() {
        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("district", "district", "city", "gp"), institutions, gp))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("primaryInstitutionId"));
        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("chc", "city", "district", "gp"), institutions, gp))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("districtHospitalId"));
        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("chc", "district", null, "gp"), institutions, gp))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("cityHospitalId"));
        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("nowhere", null, null, "gp"), institutions, gp))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("unknown-institution"));
    }

    @Test
    void theFamilyDoctorIsAGeneralPractitionerOfThePrimaryInstitution() {
        Practitioner specialist = new Practitioner(new PractitionerId("cardio"), "林建国", new InstitutionId("city"),
                PractitionerRole.SPECIALIST, "主任医师", "心血管内科", true, 1);

        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("chc", null, null, "cardio"), institutions, specialist))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("familyDoctorId"));
    }

    @Test
    void theFamilyDoctorIsStillInService() {
        Practitioner left = gp.deactivate(NOW).state();

        assertThatThrownBy(() -> OnePlusOnePlusOne.check(terms("chc", null, null, "gp"), institutions, left))
                .isInstanceOfSatisfying(RegistryRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("family-doctor");
                    assertThat(violation.field()).isEqualTo("familyDoctorId");
                    assertThat(violation).hasMessageContaining("no longer");
                });
    }
}
