package cn.referral.registry.adapter.out.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.registry.domain.Institution;
import cn.referral.registry.domain.InstitutionEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps institution domain events to the snapshots other services read. */
@Component
public class InstitutionEventMessages {

    private final EventFactory events;

    public InstitutionEventMessages(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(List<InstitutionEvent> domainEvents) {
        return Flux.fromIterable(domainEvents)
                .concatMap(event -> events.event(RegistryTopics.INSTITUTIONS, RegistryTopics.INSTITUTION_SNAPSHOT,
                        event.institution().id(), snapshot(event.institution())))
                .collectList();
    }

    static InstitutionSnapshotV1 snapshot(Institution institution) {
        return new InstitutionSnapshotV1(institution.id(), institution.name(), institution.organisationCode(),
                institution.level().name(), institution.kind().name(), institution.region().value(),
                institution.departments(), institution.gridArea(), institution.active(), institution.version());
    }
}
