package cn.referral.billing.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.referral.billing.domain.decision.Actor;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;

/** What the record permissions read of a caller's token. */
class ActorsTest {

    @Test
    void anInsurerSettlesTheRegionItsTokenNames() {
        Actor insurer = Actors.of(new Caller("insurer-350583", Set.of(Role.INSURER), null, "350583"));

        assertThat(insurer).isEqualTo(new Actor(false, new RegionCode("350583"), null));
    }

    @Test
    void aRegionNamedByNoInsurerOrThatIsNoRegionCodeSettlesNothing() {
        assertThat(Actors.of(new Caller("desk", Set.of(Role.REFERRAL_DESK), "na-county-hospital", "350583")))
                .isEqualTo(new Actor(false, null, new InstitutionId("na-county-hospital")));
        assertThat(Actors.of(new Caller("insurer", Set.of(Role.INSURER), null, "Nan'an")).insurerOf()).isNull();
        assertThat(Actors.of(new Caller("insurer", Set.of(Role.INSURER), null, null)).insurerOf()).isNull();
    }

    @Test
    void anAuditorWhoAlsoInsuresKeepsBothAndABlankInstitutionNamesNone() {
        Actor actor = Actors.of(new Caller("auditor", Set.of(Role.AUDITOR, Role.INSURER), " ", "350583"));

        assertThat(actor).isEqualTo(new Actor(true, new RegionCode("350583"), null));
    }
}
