package cn.referral.referral.domain.referral;

import static cn.referral.referral.domain.referral.ReferralFixtures.HOSPITAL_DESK;
import static cn.referral.referral.domain.referral.ReferralFixtures.HOSPITAL_DOCTOR;
import static cn.referral.referral.domain.referral.ReferralFixtures.NOW;
import static cn.referral.referral.domain.referral.ReferralFixtures.PRIMARY_DOCTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import cn.referral.platform.domain.InstitutionId;

class ReferralPermissionsTest {

    private static final Actor OTHER_DESK = new Actor("desk-x", ActorRole.REFERRAL_DESK,
            new InstitutionId("na-county-hospital"));
    private static final Actor AUDITOR = new Actor("auditor", ActorRole.AUDITOR, null);

    @Test
    void theTargetDeskAndTheDoctorsOfBothInstitutionsSeeAReferralOthersDoNot() {
        Referral referral = ReferralFixtures.aSubmittedUpReferral();
        assertThat(ReferralPermissions.maySee(referral, HOSPITAL_DESK)).isTrue();
        assertThat(ReferralPermissions.maySee(referral, PRIMARY_DOCTOR)).isTrue();
        assertThat(ReferralPermissions.maySee(referral, HOSPITAL_DOCTOR)).isTrue();
        assertThat(ReferralPermissions.maySee(referral, AUDITOR)).isTrue();
        assertThat(ReferralPermissions.maySee(referral, OTHER_DESK)).isFalse();
        assertThat(ReferralPermissions.maySee(referral,
                new Actor("desk-chc", ActorRole.REFERRAL_DESK, ReferralFixtures.COMMUNITY_CENTRE))).isFalse();
    }

    @Test
    void eachCallerSeesOnlyTheActionsTheyMayTakeNow() {
        Referral held = ReferralFixtures.aHeldReferral();
        assertThat(ReferralPermissions.allowedActions(held, HOSPITAL_DESK, NOW)).containsExactlyInAnyOrder(
                Action.ACCEPT, Action.REJECT);
        assertThat(ReferralPermissions.allowedActions(held, PRIMARY_DOCTOR, NOW)).containsExactly(Action.CANCEL);
        assertThat(ReferralPermissions.allowedActions(held, HOSPITAL_DOCTOR, NOW)).isEmpty();
        assertThat(ReferralPermissions.allowedActions(held, AUDITOR, NOW)).isEmpty();

        Referral accepted = ReferralFixtures.anAcceptedReferral();
        assertThat(ReferralPermissions.allowedActions(accepted, HOSPITAL_DESK, NOW))
                .containsExactly(Action.RECORD_ARRIVAL);
        assertThat(ReferralPermissions.allowedActions(accepted, HOSPITAL_DESK,
                accepted.appointment().at().plus(Duration.ofMinutes(1))))
                .containsExactlyInAnyOrder(Action.RECORD_ARRIVAL, Action.RECORD_NO_SHOW);

        assertThat(ReferralPermissions.allowedActions(ReferralFixtures.anArrivedReferral(), HOSPITAL_DOCTOR, NOW))
                .containsExactly(Action.COMPLETE);
        assertThat(ReferralPermissions.allowedActions(ReferralFixtures.anArrivedReferral(), HOSPITAL_DESK, NOW)).isEmpty();
    }
}
