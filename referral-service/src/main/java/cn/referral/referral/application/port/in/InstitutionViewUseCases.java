package cn.referral.referral.application.port.in;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.domain.network.Institution;
import reactor.core.publisher.Mono;

/** Reading the local view of the registry's institutions (kept through {@link ReferenceDataUseCases}). */
public interface InstitutionViewUseCases {

    /** The institution as the registry's snapshot gave it; {@code NotFound} if none has reached this service. */
    Mono<Institution> find(InstitutionId id);
}
