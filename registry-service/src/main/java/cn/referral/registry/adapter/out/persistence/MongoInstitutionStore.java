package cn.referral.registry.adapter.out.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import cn.referral.registry.adapter.out.messaging.InstitutionEventMessages;
import cn.referral.registry.application.DuplicateInstitution;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.domain.Institution;
import cn.referral.registry.domain.InstitutionChange;
import cn.referral.registry.domain.InstitutionKind;
import cn.referral.registry.domain.InstitutionLevel;
import cn.referral.registry.domain.RegionCode;
import reactor.core.publisher.Mono;

@Component
class MongoInstitutionStore implements InstitutionStore {

    private final ReactiveMongoTemplate mongo;
    private final InstitutionEventMessages messages;

    MongoInstitutionStore(ReactiveMongoTemplate mongo, InstitutionEventMessages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** The organisation code identifies an institution nationally: one registration each. */
    Mono<String> ensureIndexes() {
        return mongo.indexOps(InstitutionDocument.COLLECTION)
                .createIndex(new Index("organisationCode", org.springframework.data.domain.Sort.Direction.ASC)
                        .unique().named("organisation_code_unique"));
    }

    @Override
    public Mono<Institution> findById(String id) {
        return mongo.findById(id, InstitutionDocument.class).map(MongoInstitutionStore::toDomain);
    }

    @Override
    public Mono<Institution> insert(InstitutionChange change) {
        Institution institution = change.institution();
        return messages.toOutbox(change.events())
                .map(outbox -> new InstitutionDocument(institution.id(), institution.name(),
                        institution.organisationCode(), institution.level().name(), institution.kind().name(),
                        institution.region().value(), institution.departments(), institution.gridArea(),
                        institution.active(), institution.version(), outbox))
                .flatMap(mongo::insert)
                .onErrorMap(DuplicateKeyException.class,
                        duplicate -> new DuplicateInstitution(institution.organisationCode()))
                .thenReturn(institution);
    }

    private static Institution toDomain(InstitutionDocument document) {
        return new Institution(document.id(), document.name(), document.organisationCode(),
                InstitutionLevel.valueOf(document.level()), InstitutionKind.valueOf(document.kind()),
                new RegionCode(document.regionCode()), document.departments(), document.gridArea(),
                document.active(), document.version());
    }
}
