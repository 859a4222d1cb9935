package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerDetails;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class PractitionerService extends DeactivatableRecordService<Practitioner, PractitionerId, PractitionerStore>
        implements PractitionerUseCases {

    private final InstitutionStore institutions;

    public PractitionerService(PractitionerStore store, InstitutionStore institutions, Clock clock,
                               Supplier<String> ids) {
        super(store, "Practitioner", clock, ids);
        this.institutions = institutions;
    }

    @Override
    public Mono<Practitioner> register(Caller caller, PractitionerDetails details) {
        return changes.insert(caller, Mono.defer(() -> registration(new PractitionerId(ids.get()), details)));
    }

    @Override
    public Mono<Practitioner> registerIfAbsent(Caller caller, PractitionerId id, PractitionerDetails details) {
        return changes.insertIfAbsent(caller, id, newId -> registration(newId, details));
    }

    @Override
    public Mono<Practitioner> revise(Caller caller, PractitionerId id, long expectedVersion,
                                     PractitionerDetails details) {
        return changes.change(caller, id, expectedVersion, current -> current.revise(details, clock.instant()));
    }

    @Override
    public Flux<Practitioner> atInstitution(InstitutionId institutionId) {
        return store.findByInstitution(institutionId);
    }

    @Override
    public Mono<Long> publishStoredBeforePublication() {
        return store.storedBeforePublication()
                .concatMap(stored -> store.publishLate(stored.registrationPublishedLate(clock.instant())))
                .filter(Boolean::booleanValue)
                .count();
    }

    /** The registration at the institution the details name, which must be registered and active. */
    private Mono<Outcome<Practitioner>> registration(PractitionerId id, PractitionerDetails details) {
        return institutions.findById(details.institutionId())
                .filter(Institution::active)
                .switchIfEmpty(Mono.error(() -> new RegistryRuleViolation("unknown-institution", "institutionId",
                        "no active institution with id " + details.institutionId())))
                .map(institution -> Practitioner.register(id, details, clock.instant()));
    }
}
