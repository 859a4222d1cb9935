package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.practitioner.Practitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface PractitionerStore {

    Mono<Practitioner> findById(PractitionerId id);

    Flux<Practitioner> findByInstitution(InstitutionId institutionId);

    Mono<Practitioner> insert(Practitioner practitioner);
}
