package cn.referral.registry.domain.alliance;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.aCell;
import static cn.referral.registry.domain.Fixtures.aSpecialtyAlliance;
import static cn.referral.registry.domain.Fixtures.anUrbanGroup;
import static cn.referral.registry.domain.Fixtures.theWenzhouCentralGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.institution.RegionCode;

class AllianceTest {

    private final Alliance centralGroup = theWenzhouCentralGroup();

    @Test
    void everyLeadHubAndGridInstitutionIsAMemberWithItsRole() {
        assertThat(centralGroup.memberInstitutionIds()).extracting(InstitutionId::value).containsExactly(
                "wz-central-hospital", "wz-lucheng-peoples-hospital", "wz-lucheng-guanghua-chc", "wz-ouhai-wutian-chc");
        assertThat(centralGroup.roleOf(new InstitutionId("wz-central-hospital"))).contains(AllianceRole.LEAD);
        assertThat(centralGroup.roleOf(new InstitutionId("wz-lucheng-peoples-hospital"))).contains(AllianceRole.HUB);
        assertThat(centralGroup.roleOf(new InstitutionId("wz-ouhai-wutian-chc"))).contains(AllianceRole.MEMBER);
        assertThat(centralGroup.roleOf(new InstitutionId("somewhere-else"))).isEmpty();
        assertThat(centralGroup.gridCellOf(new InstitutionId("wz-ouhai-wutian-chc"))).map(GridCell::name)
                .contains("梧田");
        assertThat(centralGroup.claimedGridCells()).containsExactly("鹿城区/广化", "瓯海区/梧田");
    }

    @Test
    void anAllianceNeedsALeadAndItsHubIsNotALead() {
        assertThatThrownBy(() -> Alliance.form(new AllianceId("a"), new AllianceDetails("x",
                AllianceType.URBAN_MEDICAL_GROUP,
                new RegionCode("330300"), List.of(), null, List.of(), List.of()), NOW))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.field()).isEqualTo("leadInstitutionIds"));
        assertThatThrownBy(() -> anUrbanGroup("a", "lead", "lead"))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("hub-is-lead"));
    }

    @Test
    void onlyUrbanGroupsAndCountyCommunitiesManageAGrid() {
        assertThatThrownBy(() -> Alliance.form(new AllianceId("a"), new AllianceDetails("心血管专科联盟",
                AllianceType.SPECIALTY_ALLIANCE, new RegionCode("330300"), List.of(new InstitutionId("lead")), null,
                List.of(),
                List.of(aCell("鹿城区", "广化", "c"))), NOW))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("grid-not-managed"));
    }

    @Test
    void aGridNamesEachCellOnce() {
        assertThatThrownBy(() -> anUrbanGroup("a", "lead", null, aCell("鹿城区", "广化", "c1"),
                new GridCell(new GridId("other-id"), "广化", "鹿城区", new InstitutionId("c2"), List.of())))
                .isInstanceOfSatisfying(RegistryRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("grid-cell-repeated"));
    }

    @Test
    void anInstitutionMayBeInAnUrbanGroupAndASpecialtyAllianceAtOnce() {
        Alliance cardiology = aSpecialtyAlliance("wz-cardiology", "wz-wmu-first-hospital", "wz-lucheng-guanghua-chc");

        CommonAlliances common = CommonAlliances.of(new InstitutionId("wz-lucheng-guanghua-chc"),
                new InstitutionId("wz-central-hospital"), List.of(centralGroup, cardiology));
        CommonAlliances none = CommonAlliances.of(new InstitutionId("wz-ouhai-wutian-chc"),
                new InstitutionId("wz-wmu-first-hospital"), List.of(centralGroup, cardiology));

        assertThat(common.sameAlliance()).isTrue();
        assertThat(common.shared()).extracting(Alliance::id).containsExactly(new AllianceId("wz-urban-group-central"));
        assertThat(none.sameAlliance()).isFalse();
        assertThat(CommonAlliances.of(new InstitutionId("wz-lucheng-guanghua-chc"),
                new InstitutionId("wz-central-hospital"), List.of(centralGroup.deactivate(NOW).state())).sameAlliance())
                .as("inactive alliances do not count")
                .isFalse();
    }

    @Test
    void everyChangeRaisesTheVersionByOne() {
        Alliance deactivated = centralGroup.deactivate(NOW).state();

        assertThat(centralGroup.version()).isEqualTo(1);
        assertThat(deactivated.version()).isEqualTo(2);
        assertThat(deactivated.remove(NOW).state().version()).isEqualTo(3);
        assertThat(deactivated.remove(NOW).withdrawsRecord()).isTrue();
        assertThatThrownBy(() -> deactivated.deactivate(NOW)).isInstanceOf(RegistryRuleViolation.class);
    }
}
