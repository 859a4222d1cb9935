package cn.referral.quota.application;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.quota.domain.pool.Actor;
import cn.referral.quota.domain.pool.ActorRole;

/** The domain's view of an authenticated caller: the one role that matters for pools, and the institution. */
final class Actors {

    private Actors() {
    }

    static Actor of(Caller caller) {
        ActorRole role = caller.has(Role.REFERRAL_DESK) ? ActorRole.REFERRAL_DESK
                : caller.hasAny(Role.PRIMARY_DOCTOR, Role.HOSPITAL_DOCTOR) ? ActorRole.DOCTOR
                : ActorRole.OTHER;
        return new Actor(role, Identifier.ofValueOrNull(caller.institutionId(), InstitutionId::new));
    }
}
