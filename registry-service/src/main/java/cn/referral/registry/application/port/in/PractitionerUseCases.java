package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What registry administrators and readers do with practitioners. Every change publishes the practitioner's
 * snapshot on {@code registry.practitioners.v1} (removal: a tombstone). {@code expectedVersion}: the version the
 * caller read ({@code If-Match}).
 */
public interface PractitionerUseCases extends RecordUseCases<Practitioner, PractitionerId> {

    /** Registers a practitioner; {@code institutionId} must name a registered, active institution. */
    Mono<Practitioner> register(Caller caller, PractitionerDetails details);

    /** Registers a practitioner under a fixed id unless one has it (demo data); returns what is stored. */
    Mono<Practitioner> registerIfAbsent(Caller caller, PractitionerId id, PractitionerDetails details);

    /**
     * New name, role, title or department; the institution stays ({@code practitioner-moved} when the details name
     * another one).
     */
    Mono<Practitioner> revise(Caller caller, PractitionerId id, long expectedVersion, PractitionerDetails details);

    Flux<Practitioner> atInstitution(InstitutionId institutionId);

    /**
     * Publishes every practitioner stored before practitioners were published (an installation upgraded from
     * then), so that referral-service's view knows them and a handover to them is not refused; the number
     * published. Safe to run on every start and on several replicas at once: each is published once.
     */
    Mono<Long> publishStoredBeforePublication();
}
