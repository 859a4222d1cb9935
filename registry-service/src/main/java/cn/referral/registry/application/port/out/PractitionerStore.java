package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.practitioner.Practitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Practitioners, each stored with its snapshot's outbox event ({@code registry.practitioners.v1}). */
public interface PractitionerStore extends RecordStore<Practitioner, PractitionerId> {

    Flux<Practitioner> findByInstitution(InstitutionId institutionId);

    /** Practitioners stored before practitioners were published: no snapshot of them was ever written. */
    Flux<Practitioner> storedBeforePublication();

    /**
     * Writes the snapshot of {@code registration} to the practitioner's outbox, once: true if it was written,
     * false if the practitioner was published meanwhile (another replica, an earlier start).
     */
    Mono<Boolean> publishLate(Outcome<Practitioner> registration);
}
