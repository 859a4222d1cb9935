package cn.referral.referral.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.out.ReferralFinder.Visibility;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.ActorRole;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralFixtures;
import cn.referral.referral.domain.referral.ReferralPermissions;

/** A search shows exactly the referrals a single read would: the store's visibility agrees with maySee. */
class ReferralQueryVisibilityTest {

    private static final List<Actor> ACTORS = List.of(
            ReferralFixtures.PRIMARY_DOCTOR, ReferralFixtures.HOSPITAL_DESK, ReferralFixtures.HOSPITAL_DOCTOR,
            new Actor("desk-nanhui", ActorRole.REFERRAL_DESK, ReferralFixtures.COMMUNITY_CENTRE),
            new Actor("dr-elsewhere", ActorRole.HOSPITAL_DOCTOR, new InstitutionId("na-county-hospital")),
            new Actor("desk-elsewhere", ActorRole.REFERRAL_DESK, new InstitutionId("na-county-hospital")),
            new Actor("auditor", ActorRole.AUDITOR, null));

    @Test
    void theSearchScopeOfEveryRoleMatchesWhatItMaySee() {
        for (Referral referral : List.of(ReferralFixtures.aSubmittedUpReferral(), ReferralFixtures.anAcceptedReferral())) {
            for (Actor actor : ACTORS) {
                assertThat(matches(ReferralQueryService.visibility(actor), referral)).as(actor.toString())
                        .isEqualTo(ReferralPermissions.maySee(referral, actor));
            }
        }
    }

    @Test
    void rolesThatSeeNoReferralMayNotSearch() {
        assertThatThrownBy(() -> ReferralQueryService.visibility(new Actor("insurer", ActorRole.OTHER, null)))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> ReferralQueryService.visibility(new Actor("dr", ActorRole.PRIMARY_DOCTOR, null)))
                .isInstanceOf(NotPermitted.class);
    }

    /** What MongoReferralFinder's criterion for the visibility selects. */
    private static boolean matches(Visibility visibility, Referral referral) {
        return switch (visibility.scope()) {
            case ALL -> true;
            case TARGET -> visibility.institutionId().equals(referral.toInstitutionId());
            case SOURCE_OR_TARGET -> visibility.institutionId().equals(referral.toInstitutionId())
                    || visibility.institutionId().equals(referral.fromInstitutionId());
        };
    }
}
