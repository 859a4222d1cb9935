package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface PractitionerUseCases {

    /**
     * {@code institutionId} must name a registered, active institution. {@code id} null: a new id; given (demo
     * data): registered unless a practitioner has it already, and what is stored is returned.
     */
    Mono<Practitioner> register(Caller caller, PractitionerId id, String name, InstitutionId institutionId,
                                PractitionerRole role, String title, String department);

    /** The practitioner; {@code NotFound} if there is none. */
    Mono<Practitioner> find(PractitionerId id);

    Flux<Practitioner> atInstitution(InstitutionId institutionId);

    /**
     * Publishes every practitioner stored before practitioners were published (an installation upgraded from
     * then), so that referral-service's view knows them and a handover to them is not refused; the number
     * published. Safe to run on every start and on several replicas at once: each is published once.
     */
    Mono<Long> publishStoredBeforePublication();
}
