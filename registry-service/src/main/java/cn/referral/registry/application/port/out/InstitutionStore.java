package cn.referral.registry.application.port.out;

import java.util.Collection;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;

/** Institutions. Writes fail with {@code DuplicateInstitution} if the organisation code is taken. */
public interface InstitutionStore extends RecordStore<Institution, InstitutionId> {

    /** Institutions matching every given criterion (null: any), by name. */
    Flux<Institution> find(String regionCode, InstitutionLevel level, Boolean active);

    Flux<Institution> findByIds(Collection<InstitutionId> ids);
}
