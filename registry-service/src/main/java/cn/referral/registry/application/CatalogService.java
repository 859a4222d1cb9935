package cn.referral.registry.application;

import java.time.Clock;
import java.util.function.Supplier;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.application.port.in.CatalogUseCases;
import cn.referral.registry.application.port.out.CatalogStore;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.policy.CatalogEligibility;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class CatalogService extends DeactivatableRecordService<DiseaseCatalog, CatalogId, CatalogStore>
        implements CatalogUseCases {

    public CatalogService(CatalogStore store, Supplier<String> ids, Clock clock) {
        super(store, "Catalog", clock, ids);
    }

    @Override
    public Mono<DiseaseCatalog> publish(Caller caller, CatalogDetails details) {
        return changes.insert(caller, Mono.fromSupplier(() -> DiseaseCatalog.publish(new CatalogId(ids.get()),
                details, clock.instant())));
    }

    @Override
    public Mono<DiseaseCatalog> publishIfAbsent(Caller caller, CatalogId id, CatalogDetails details) {
        return changes.insertIfAbsent(caller, id, newId -> Mono.fromSupplier(() -> DiseaseCatalog.publish(newId, details,
                clock.instant())));
    }

    @Override
    public Mono<DiseaseCatalog> revise(Caller caller, CatalogId id, long expectedVersion, CatalogDetails details) {
        return changes.change(caller, id, expectedVersion, current -> current.revise(details, clock.instant()));
    }

    @Override
    public Flux<DiseaseCatalog> list(ReferralDirection direction, InstitutionLevel targetLevel) {
        return store.find(direction, targetLevel);
    }

    @Override
    public Mono<Eligibility> eligibility(ReferralDirection direction, DiagnosisCode diagnosis,
                                         InstitutionLevel targetLevel, CareType careType) {
        return store.find(direction, targetLevel).collectList()
                .map(catalogs -> CatalogEligibility.check(direction, diagnosis, targetLevel, careType,
                        RegistryCalendar.today(clock), catalogs));
    }
}
