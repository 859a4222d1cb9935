package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.Alliance;
import cn.referral.billing.domain.Institution;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** Keeping the local views of the registry's institutions and alliances (compacted topics). */
public interface ReferenceDataUseCases {

    /** Keeps the snapshot unless a newer version is held; emits whether it was kept. */
    Mono<Boolean> institutionSnapshot(Institution institution);

    Mono<Void> institutionRemoved(InstitutionId institutionId);

    /** Keeps the snapshot unless a newer version is held; emits whether it was kept. */
    Mono<Boolean> allianceSnapshot(Alliance alliance);

    Mono<Void> allianceRemoved(AllianceId allianceId);
}
