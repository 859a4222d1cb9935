package cn.referral.referral.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.referral.ReferralRuleViolation;

class KnownDepartmentTest {

    private final Institution cityHospital = new Institution(new InstitutionId("wz-wmu-first-hospital"),
            "温州医科大学附属第一医院", InstitutionLevel.TERTIARY, "330302", true, 1, List.of("心血管内科", "神经内科"));
    private final Institution communityCentre = new Institution(new InstitutionId("na-nanhui-chc"),
            "南荟社区卫生服务中心", InstitutionLevel.PRIMARY, "350583", true, 1, List.of());

    @Test
    void aDepartmentTheTargetListsIsKnown() {
        assertThatCode(() -> KnownDepartment.check(cityHospital, "神经内科")).doesNotThrowAnyException();
    }

    @Test
    void aDepartmentTheTargetDoesNotListIsRefusedOnToDepartmentNamingTheTarget() {
        assertThatThrownBy(() -> KnownDepartment.check(cityHospital, "眼科"))
                .isInstanceOfSatisfying(ReferralRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("unknown-department");
                    assertThat(violation.field()).isEqualTo("toDepartment");
                    assertThat(violation.getMessage())
                            .isEqualTo("温州医科大学附属第一医院 has no department 眼科");
                    assertThat(violation.explanation()).isEmpty();
                });
    }

    @Test
    void aTargetThatListsNoDepartmentsAcceptsAnyAndAReferralNamingNoneIsNotChecked() {
        assertThatCode(() -> KnownDepartment.check(communityCentre, "全科")).doesNotThrowAnyException();
        assertThatCode(() -> KnownDepartment.check(cityHospital, null)).doesNotThrowAnyException();
    }
}
