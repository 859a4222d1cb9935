package cn.referral.registry.adapter.out.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.port.out.CatalogStore;
import cn.referral.registry.domain.catalog.CareType;
import cn.referral.registry.domain.catalog.CatalogEntry;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.catalog.ReferralDirection;
import cn.referral.registry.domain.institution.InstitutionLevel;
import reactor.core.publisher.Flux;

@Component
class MongoCatalogStore extends MongoRecordStore<DiseaseCatalog, CatalogId, CatalogDocument> implements CatalogStore {

    MongoCatalogStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, CatalogDocument.class, CatalogDocument.COLLECTION, "Catalog", CatalogId::value);
    }

    @Override
    public Flux<DiseaseCatalog> find(ReferralDirection direction, InstitutionLevel targetLevel) {
        Criteria criteria = new Criteria();
        if (direction != null) {
            criteria.and("direction").is(direction.name());
        }
        if (targetLevel != null) {
            criteria.and("targetLevel").is(targetLevel.name());
        }
        return findLive(Query.query(criteria).with(Sort.by("_id")));
    }

    @Override
    CatalogDocument toDocument(DiseaseCatalog catalog, boolean removed, List<OutboxEvent> outbox) {
        return new CatalogDocument(catalog.id().value(), catalog.name(), catalog.direction().name(),
                catalog.targetLevel().name(), catalog.effectiveFrom().toString(), catalog.entries().stream()
                .map(entry -> new CatalogDocument.Entry(entry.code(), entry.name(),
                        entry.careTypes().stream().map(Enum::name).sorted().toList()))
                .toList(), catalog.active(), catalog.version(), removed, outbox);
    }

    @Override
    DiseaseCatalog toDomain(CatalogDocument document) {
        return new DiseaseCatalog(new CatalogId(document.id()), document.name(), ReferralDirection.valueOf(document.direction()),
                InstitutionLevel.valueOf(document.targetLevel()), LocalDate.parse(document.effectiveFrom()),
                document.entries().stream().map(entry -> new CatalogEntry(entry.code(), entry.name(),
                        entry.careTypes() == null ? null
                                : entry.careTypes().stream().map(CareType::valueOf).collect(Collectors.toSet())))
                        .toList(), document.active(), document.version());
    }
}
