package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What registry administrators and readers do with institutions. Every change publishes the full
 * snapshot (removal: a tombstone). {@code expectedVersion}: the version the caller read ({@code If-Match}).
 */
public interface InstitutionUseCases extends RecordUseCases<Institution, InstitutionId> {

    /** Registers an institution; {@code DuplicateInstitution} if its organisation code is taken. */
    Mono<Institution> register(Caller caller, InstitutionDetails details);

    /** Registers an institution under a fixed id unless it exists (demo data); returns what is stored. */
    Mono<Institution> registerIfAbsent(Caller caller, InstitutionId id, InstitutionDetails details);

    Mono<Institution> revise(Caller caller, InstitutionId id, long expectedVersion, InstitutionDetails details);

    /** Withdraws an institution registered in error; refused while it is in an active alliance. */
    @Override
    Mono<Void> remove(Caller caller, InstitutionId id, Long expectedVersion);

    Flux<Institution> list(String regionCode, InstitutionLevel level, Boolean active);
}
