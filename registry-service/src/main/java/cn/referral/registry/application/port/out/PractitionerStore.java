package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.domain.practitioner.Practitioner;
import reactor.core.publisher.Flux;

/** Practitioners, each stored with its snapshot's outbox event ({@code registry.practitioners.v1}). */
public interface PractitionerStore extends RecordStore<Practitioner, PractitionerId> {

    Flux<Practitioner> findByInstitution(InstitutionId institutionId);
}
