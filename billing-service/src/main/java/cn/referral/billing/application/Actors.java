package cn.referral.billing.application;

import cn.referral.billing.domain.decision.Actor;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;

/** The domain's view of an authenticated caller: what billing's record permissions read of it. */
final class Actors {

    private Actors() {
    }

    static Actor of(Caller caller) {
        return new Actor(caller.has(Role.AUDITOR), insurerOf(caller),
                Identifier.ofValueOrNull(caller.institutionId(), InstitutionId::new));
    }

    /**
     * The region an insurer's token names, or null: also when it names something that is no region code, which
     * is the insuring region of no record.
     */
    private static RegionCode insurerOf(Caller caller) {
        return caller.has(Role.INSURER) && RegionCode.isRegionCode(caller.regionCode())
                ? new RegionCode(caller.regionCode()) : null;
    }
}
