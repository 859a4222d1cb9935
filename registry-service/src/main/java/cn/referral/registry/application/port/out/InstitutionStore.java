package cn.referral.registry.application.port.out;

import cn.referral.registry.domain.Institution;
import cn.referral.registry.domain.InstitutionChange;
import reactor.core.publisher.Mono;

/** Where institutions live. A change and its events are stored in one atomic write. */
public interface InstitutionStore {

    Mono<Institution> findById(String id);

    /** Stores a new institution with its events; {@code DuplicateInstitution} if the organisation code is taken. */
    Mono<Institution> insert(InstitutionChange change);
}
