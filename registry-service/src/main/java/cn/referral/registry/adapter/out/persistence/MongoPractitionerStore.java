package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;

@Component
class MongoPractitionerStore extends MongoRecordStore<Practitioner, PractitionerId, PractitionerDocument>
        implements PractitionerStore {

    MongoPractitionerStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, PractitionerDocument.class, PractitionerDocument.COLLECTION, "Practitioner",
                PractitionerId::value);
    }

    @Override
    public Flux<Practitioner> findByInstitution(InstitutionId institutionId) {
        return findLive(Query.query(Criteria.where("institutionId").is(institutionId.value())).with(Sort.by("name")));
    }

    @Override
    PractitionerDocument toDocument(Practitioner practitioner, boolean removed, List<OutboxEvent> outbox) {
        return new PractitionerDocument(practitioner.id().value(), practitioner.name(),
                practitioner.institutionId().value(), practitioner.role().name(), practitioner.title(),
                practitioner.department(), practitioner.active(), practitioner.version(), removed, outbox);
    }

    @Override
    Practitioner toDomain(PractitionerDocument document) {
        return new Practitioner(new PractitionerId(document.id()), document.name(),
                new InstitutionId(document.institutionId()), PractitionerRole.valueOf(document.role()),
                document.title(), document.department(), !Boolean.FALSE.equals(document.active()),
                document.version() == null ? 1 : document.version());
    }
}
