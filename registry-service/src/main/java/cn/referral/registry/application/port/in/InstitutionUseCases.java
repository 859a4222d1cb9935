package cn.referral.registry.application.port.in;

import cn.referral.registry.domain.Institution;
import reactor.core.publisher.Mono;

/** What registry administrators and readers do with institutions. */
public interface InstitutionUseCases {

    /** Registers an institution; fails with {@code DuplicateInstitution} if its organisation code is taken. */
    Mono<Institution> register(RegisterInstitutionCommand command);

    /** The institution, or empty. */
    Mono<Institution> find(String id);
}
