package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.out.AllianceStore;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionDetails;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class InstitutionService extends DeactivatableRecordService<Institution, InstitutionId, InstitutionStore>
        implements InstitutionUseCases {

    static final String WHAT = "Institution";

    private final AllianceStore alliances;

    public InstitutionService(InstitutionStore store, AllianceStore alliances, Clock clock, Supplier<String> ids) {
        super(store, WHAT, clock, ids);
        this.alliances = alliances;
    }

    @Override
    public Mono<Institution> register(Caller caller, InstitutionDetails details) {
        return changes.insert(caller, Mono.fromSupplier(() -> Institution.register(new InstitutionId(ids.get()),
                details, clock.instant())));
    }

    @Override
    public Mono<Institution> registerIfAbsent(Caller caller, InstitutionId id, InstitutionDetails details) {
        return changes.insertIfAbsent(caller, id, newId -> Mono.fromSupplier(() -> Institution.register(newId, details, clock.instant())));
    }

    @Override
    public Mono<Institution> revise(Caller caller, InstitutionId id, long expectedVersion, InstitutionDetails details) {
        return changes.change(caller, id, expectedVersion, current -> current.revise(details, clock.instant()));
    }

    @Override
    public Mono<Void> remove(Caller caller, InstitutionId id, Long expectedVersion) {
        return changes.changeChecked(caller, id, expectedVersion,
                current -> alliances.findByMember(id).filter(Alliance::active).collectList()
                        .flatMap(memberOf -> memberOf.isEmpty() ? Mono.just(current.remove(clock.instant()))
                                : Mono.<Outcome<Institution>>error(new RegistryRuleViolation("institution-in-alliance",
                                        "institution " + id + " is a member of " + memberOf.stream()
                                                .map(Alliance::id).toList()
                                        + ": take it out of those alliances (or deactivate it) first"))))
                .then();
    }

    @Override
    public Flux<Institution> list(String regionCode, InstitutionLevel level, Boolean active) {
        return store.find(regionCode, level, active);
    }
}
