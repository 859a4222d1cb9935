package cn.referral.referral.application.port.in;

import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionId;
import reactor.core.publisher.Mono;

/** Keeping and reading the local view of the registry's institutions. */
public interface InstitutionViewUseCases {

    Mono<Boolean> snapshotReceived(Institution snapshot);

    Mono<Void> institutionRemoved(InstitutionId id);

    Mono<Institution> find(InstitutionId id);
}
