package cn.referral.referral.application;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.referral.domain.referral.Actor;
import cn.referral.referral.domain.referral.ActorRole;

/** The domain's view of an authenticated caller: the one role that matters for referrals. */
final class Actors {

    private Actors() {
    }

    static Actor of(Caller caller) {
        ActorRole role = caller.has(Role.REFERRAL_DESK) ? ActorRole.REFERRAL_DESK
                : caller.has(Role.HOSPITAL_DOCTOR) ? ActorRole.HOSPITAL_DOCTOR
                : caller.has(Role.PRIMARY_DOCTOR) ? ActorRole.PRIMARY_DOCTOR
                : caller.has(Role.AUDITOR) ? ActorRole.AUDITOR
                : ActorRole.OTHER;
        return new Actor(caller.subject() == null ? "anonymous" : caller.subject(), role,
                Identifier.ofValueOrNull(caller.institutionId(), InstitutionId::new));
    }
}
