package cn.referral.registry.adapter.out.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.registry.application.DuplicateRecord;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoPractitionerStore implements PractitionerStore {

    private final ReactiveMongoTemplate mongo;

    MongoPractitionerStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Practitioner> findById(PractitionerId id) {
        return mongo.findById(id.value(), PractitionerDocument.class).map(MongoPractitionerStore::toDomain);
    }

    @Override
    public Flux<Practitioner> findByInstitution(InstitutionId institutionId) {
        return mongo.find(Query.query(Criteria.where("institutionId").is(institutionId.value())).with(Sort.by("name")),
                PractitionerDocument.class).map(MongoPractitionerStore::toDomain);
    }

    @Override
    public Mono<Practitioner> insert(Practitioner practitioner) {
        return mongo.insert(new PractitionerDocument(practitioner.id().value(), practitioner.name(),
                        practitioner.institutionId().value(), practitioner.role().name(), practitioner.title(),
                        practitioner.department()))
                .onErrorMap(DuplicateKeyException.class,
                        error -> new DuplicateRecord("Practitioner", practitioner.id().value()))
                .thenReturn(practitioner);
    }

    private static Practitioner toDomain(PractitionerDocument document) {
        return new Practitioner(new PractitionerId(document.id()), document.name(),
                new InstitutionId(document.institutionId()),
                PractitionerRole.valueOf(document.role()), document.title(), document.department());
    }
}
