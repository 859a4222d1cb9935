package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogDetails;
import cn.referral.registry.domain.catalog.DiagnosisCode;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.Eligibility;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Up- and down-referral disease catalogs and the eligibility check against them. */
public interface CatalogUseCases extends RecordUseCases<DiseaseCatalog, CatalogId> {

    Mono<DiseaseCatalog> publish(Caller caller, CatalogDetails details);

    Mono<DiseaseCatalog> publishIfAbsent(Caller caller, CatalogId id, CatalogDetails details);

    Mono<DiseaseCatalog> revise(Caller caller, CatalogId id, long expectedVersion, CatalogDetails details);

    Flux<DiseaseCatalog> list(ReferralDirection direction, InstitutionLevel targetLevel);

    /** Judged by the catalogs in effect today (China Standard Time). {@code careType} null: any. */
    Mono<Eligibility> eligibility(ReferralDirection direction, DiagnosisCode diagnosis, InstitutionLevel targetLevel,
                                  CareType careType);
}
