package cn.referral.registry.domain.policy;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.aCell;
import static cn.referral.registry.domain.Fixtures.anUrbanGroup;
import static cn.referral.registry.domain.Fixtures.theWenzhouCentralGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.alliance.Alliance;

class OneAlliancePerGridCellTest {

    private final Alliance centralGroup = theWenzhouCentralGroup();

    @Test
    void aGridCellAlreadyServedByAnotherGroupIsRefusedNamingThatGroup() {
        Alliance peoplesGroup = anUrbanGroup("wz-urban-group-peoples", "wz-peoples-hospital", null,
                aCell("鹿城区", "五马", "wz-lucheng-wuma-chc"), aCell("鹿城区", "广化", "another-centre"));

        assertThatThrownBy(() -> OneAlliancePerGridCell.check(peoplesGroup, List.of(centralGroup)))
                .isInstanceOfSatisfying(RegistryRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("grid-cell-taken");
                    assertThat(violation.field()).isEqualTo("grids");
                    assertThat(violation.getMessage()).contains("鹿城区/广化", "wz-urban-group-central");
                });
    }

    @Test
    void aSameNamedCellOfAnotherDistrictAnInactiveGroupOrTheGroupItselfDoNotClash() {
        Alliance sameNameElsewhere = anUrbanGroup("g2", "lead-2", null, aCell("瓯海区", "广化", "c"));
        Alliance revisedCentral = anUrbanGroup("wz-urban-group-central", "wz-central-hospital", null,
                aCell("鹿城区", "广化", "wz-lucheng-guanghua-chc"));
        Alliance retired = centralGroup.deactivate(NOW).state();

        OneAlliancePerGridCell.check(sameNameElsewhere, List.of(centralGroup));
        OneAlliancePerGridCell.check(revisedCentral, List.of(centralGroup));
        OneAlliancePerGridCell.check(anUrbanGroup("g3", "lead-3", null, aCell("鹿城区", "广化", "c")),
                List.of(retired));
        assertThat(retired.claimedGridCells()).isEmpty();
    }
}
