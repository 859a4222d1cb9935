package cn.referral.registry.application;

import java.util.function.Supplier;

import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.in.RegisterInstitutionCommand;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.Institution;
import reactor.core.publisher.Mono;

public class InstitutionService implements InstitutionUseCases {

    private final InstitutionStore store;
    private final Supplier<String> ids;

    public InstitutionService(InstitutionStore store, Supplier<String> ids) {
        this.store = store;
        this.ids = ids;
    }

    @Override
    public Mono<Institution> register(RegisterInstitutionCommand command) {
        return Mono.fromSupplier(() -> Institution.register(ids.get(), command.name(), command.organisationCode(),
                        command.level(), command.kind(), command.region(), command.departments(), command.gridArea()))
                .flatMap(store::insert);
    }

    @Override
    public Mono<Institution> find(String id) {
        return store.findById(id);
    }
}
