package cn.referral.registry.application.port.out;

import cn.referral.registry.domain.practitioner.Practitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface PractitionerStore {

    Mono<Practitioner> findById(String id);

    Flux<Practitioner> findByInstitution(String institutionId);

    Mono<Practitioner> insert(Practitioner practitioner);
}
