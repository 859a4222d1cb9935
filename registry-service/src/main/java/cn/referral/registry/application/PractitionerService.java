package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.application.NotFound;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class PractitionerService implements PractitionerUseCases {

    private final PractitionerStore store;
    private final InstitutionStore institutions;
    private final Clock clock;
    private final Supplier<String> ids;

    public PractitionerService(PractitionerStore store, InstitutionStore institutions, Clock clock,
                               Supplier<String> ids) {
        this.store = store;
        this.institutions = institutions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<Practitioner> register(Caller caller, PractitionerId id, String name, InstitutionId institutionId,
                                       PractitionerRole role, String title, String department) {
        return RegistryAccess.asAdmin(caller, institutions.findById(institutionId)
                .filter(Institution::active)
                .switchIfEmpty(Mono.error(() -> new RegistryRuleViolation("unknown-institution", "institutionId",
                        "no active institution with id " + institutionId)))
                .map(institution -> Practitioner.register(id == null ? new PractitionerId(ids.get()) : id, name,
                        institutionId, role, title, department, clock.instant()))
                .flatMap(registered -> id == null ? store.insert(registered)
                        : store.findById(id).switchIfEmpty(Mono.defer(() -> store.insert(registered)))));
    }

    @Override
    public Mono<Practitioner> find(PractitionerId id) {
        return store.findById(id).switchIfEmpty(Mono.error(() -> new NotFound("Practitioner", id.value())));
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
}
