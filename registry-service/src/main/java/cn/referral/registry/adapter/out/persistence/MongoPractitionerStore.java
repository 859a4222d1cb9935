package cn.referral.registry.adapter.out.persistence;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.registry.adapter.out.messaging.RegistrySnapshots;
import cn.referral.registry.application.port.out.PractitionerStore;
import cn.referral.registry.domain.Outcome;
import cn.referral.registry.domain.practitioner.Practitioner;
import cn.referral.registry.domain.practitioner.PractitionerRole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Practitioners. One stored before practitioners were published has no {@code version}: that is how
 * {@link #storedBeforePublication} finds it, and {@link #publishLate} writes its snapshot only while it has none.
 */
@Component
class MongoPractitionerStore extends MongoRecordStore<Practitioner, PractitionerId, PractitionerDocument>
        implements PractitionerStore {

    private final RegistrySnapshots snapshots;

    MongoPractitionerStore(ReactiveMongoTemplate mongo, RegistrySnapshots snapshots) {
        super(mongo, snapshots, PractitionerDocument.class, PractitionerDocument.COLLECTION, "Practitioner",
                PractitionerId::value);
        this.snapshots = snapshots;
    }

    @Override
    public Flux<Practitioner> findByInstitution(InstitutionId institutionId) {
        return findLive(Query.query(Criteria.where("institutionId").is(institutionId.value())).with(Sort.by("name")));
    }

    @Override
    public Flux<Practitioner> storedBeforePublication() {
        return findLive(Query.query(Criteria.where(VERSION).exists(false)));
    }

    @Override
    public Mono<Boolean> publishLate(Outcome<Practitioner> registration) {
        Practitioner practitioner = registration.state();
        Query neverPublished = Query.query(Criteria.where("_id").is(practitioner.id().value())
                .and(VERSION).exists(false).and(REMOVED).ne(true));
        return snapshots.toOutbox(registration.events())
                .map(outbox -> OutboxUpdates.append(new Update().set(VERSION, practitioner.version())
                        .set("active", practitioner.active()), outbox))
                .flatMap(update -> mongo.updateFirst(neverPublished, update, PractitionerDocument.COLLECTION))
                .map(result -> result.getModifiedCount() == 1);
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
