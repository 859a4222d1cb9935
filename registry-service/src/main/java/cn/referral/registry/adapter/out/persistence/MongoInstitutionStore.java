package cn.referral.registry.adapter.out.persistence;

import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.DuplicateInstitution;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.institution.InstitutionKind;
import cn.referral.registry.domain.institution.InstitutionLevel;
import cn.referral.registry.domain.institution.RegionCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoInstitutionStore extends MongoRecordStore<Institution, InstitutionId, InstitutionDocument>
        implements InstitutionStore {

    static final String ORGANISATION_CODE_INDEX = "organisation_code_unique_sparse";
    private static final String OLD_ORGANISATION_CODE_INDEX = "organisation_code_unique";

    MongoInstitutionStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, InstitutionDocument.class, InstitutionDocument.COLLECTION, "Institution",
                InstitutionId::value);
    }

    /**
     * The organisation code identifies an institution nationally: one registration each. Sparse, so that
     * removed institutions (stored without it) release their code.
     */
    Mono<String> ensureIndexes() {
        var indexes = mongo.indexOps(InstitutionDocument.COLLECTION);
        return indexes.getIndexInfo()
                .filter(info -> info.getName().equals(OLD_ORGANISATION_CODE_INDEX))
                .concatMap(old -> indexes.dropIndex(OLD_ORGANISATION_CODE_INDEX))
                .then(indexes.createIndex(new Index("organisationCode", Sort.Direction.ASC).unique().sparse()
                        .named(ORGANISATION_CODE_INDEX)));
    }

    @Override
    public Flux<Institution> find(String regionCode, InstitutionLevel level, Boolean active) {
        Criteria criteria = new Criteria();
        if (regionCode != null) {
            criteria.and("regionCode").is(regionCode);
        }
        if (level != null) {
            criteria.and("level").is(level.name());
        }
        if (active != null) {
            criteria.and("active").is(active);
        }
        return findLive(Query.query(criteria).with(Sort.by("name", "_id")));
    }

    @Override
    public Flux<Institution> findByIds(Collection<InstitutionId> ids) {
        return ids.isEmpty() ? Flux.empty()
                : findLive(Query.query(Criteria.where("_id").in(ids.stream().map(InstitutionId::value).toList())));
    }

    @Override
    Throwable duplicate(DuplicateKeyException error, Institution institution) {
        return String.valueOf(error.getMessage()).contains(ORGANISATION_CODE_INDEX)
                ? new DuplicateInstitution(institution.organisationCode())
                : super.duplicate(error, institution);
    }

    @Override
    InstitutionDocument toDocument(Institution institution, boolean removed, List<OutboxEvent> outbox) {
        return new InstitutionDocument(institution.id().value(), institution.name(),
                removed ? null : institution.organisationCode(), institution.level().name(),
                institution.kind().name(), institution.region().value(), institution.departments(),
                institution.gridArea(), institution.active(), institution.version(), removed, outbox,
                institution.medinsCode());
    }

    @Override
    Institution toDomain(InstitutionDocument document) {
        return new Institution(new InstitutionId(document.id()), document.name(), document.organisationCode(),
                InstitutionLevel.valueOf(document.level()), InstitutionKind.valueOf(document.kind()),
                new RegionCode(document.regionCode()), document.departments(), document.gridArea(),
                document.active(), document.version(), document.medinsCode());
    }
}
