package cn.referral.registry.application.port.in;

import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface PractitionerUseCases {

    /** {@code institutionId} must name a registered, active institution. */
    Mono<Practitioner> register(Caller caller, String id, String name, String institutionId, PractitionerRole role,
                                String title, String department);

    Mono<Practitioner> find(String id);

    Flux<Practitioner> atInstitution(String institutionId);
}
