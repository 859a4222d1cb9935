package cn.referral.registry.domain.institution;

import static cn.referral.registry.domain.Fixtures.NOW;
import static cn.referral.registry.domain.Fixtures.aCommunityCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.platform.domain.StaleVersion;

class InstitutionTest {

    private final Institution nanhui = aCommunityCentre("wz-lucheng-nanhui-chc");

    @Test
    void aRevisionKeepsIdAndActiveFlagAndRaisesTheVersion() {
        Outcome<Institution> revised = nanhui.revise(new InstitutionDetails(" 鹿城区南汇街道社区卫生服务中心 ",
                "12330302DM0000002X", InstitutionLevel.PRIMARY, InstitutionKind.COMMUNITY_HEALTH_CENTRE,
                new RegionCode("330302"), List.of("全科", "康复医学科"), "鹿城区南汇片区"), NOW);

        assertThat(revised.events()).containsExactly(new InstitutionEvent.Revised(revised.state(), NOW));
        assertThat(revised.state().id()).isEqualTo(nanhui.id());
        assertThat(revised.state().name()).isEqualTo("鹿城区南汇街道社区卫生服务中心");
        assertThat(revised.state().version()).isEqualTo(2);
        assertThat(revised.state().active()).isTrue();
    }

    @Test
    void aChangeBasedOnAnOldVersionIsStale() {
        Institution current = nanhui.deactivate(NOW).state();

        assertThatThrownBy(() -> current.requireVersion(1)).isInstanceOfSatisfying(StaleVersion.class,
                stale -> {
                    assertThat(stale.currentVersion()).isEqualTo(2);
                    assertThat(stale).hasMessage("Institution " + current.id() + " is at version 2, not 1");
                });
        current.requireVersion(2);
    }

    @Test
    void deactivationHappensOnceAndRemovalIsAnnouncedAsSuch() {
        Institution inactive = nanhui.deactivate(NOW).state();

        assertThat(inactive.active()).isFalse();
        assertThatThrownBy(() -> inactive.deactivate(NOW)).isInstanceOf(RegistryRuleViolation.class);
        assertThat(inactive.remove(NOW).withdrawsRecord()).isTrue();
        assertThat(nanhui.deactivate(NOW).withdrawsRecord()).isFalse();
        assertThat(new RegionCode("330302").sameCityAs(new RegionCode("330304"))).isTrue();
        assertThat(new RegionCode("330302").sameCityAs(new RegionCode("350583"))).isFalse();
        assertThatThrownBy(() -> new RegionCode("3505")).isInstanceOf(RegistryRuleViolation.class);
    }
}
