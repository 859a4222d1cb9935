package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.CatalogId;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;

public interface CatalogStore extends RecordStore<DiseaseCatalog, CatalogId> {

    /** Catalogs matching every given criterion (null: any). */
    Flux<DiseaseCatalog> find(ReferralDirection direction, InstitutionLevel targetLevel);
}
