package cn.referral.referral.application.port.out;

import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.InstitutionId;
import reactor.core.publisher.Flux;

/** Which alliances of the local registry view an institution is a member of. */
public interface AllianceMembership {

    /** The alliances listing the institution as a member, by alliance id. */
    Flux<Alliance> alliancesOf(InstitutionId institutionId);
}
