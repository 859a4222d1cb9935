package cn.referral.billing.application.port.out;

import java.util.Collection;

import cn.referral.billing.domain.Alliance;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The local view of the registry's alliances. */
public interface AllianceDirectory {

    /** Every alliance that has at least one of {@code institutionIds} as a member. */
    Flux<Alliance> including(Collection<InstitutionId> institutionIds);

    /** Keeps the snapshot unless a newer version is already held; emits whether it was kept. */
    Mono<Boolean> keepIfNewer(Alliance alliance);

    Mono<Void> remove(AllianceId allianceId);
}
