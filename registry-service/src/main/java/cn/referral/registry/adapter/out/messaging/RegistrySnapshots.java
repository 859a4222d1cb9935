package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.published.RegistryTopics;
import cn.referral.registry.domain.RegistryEvent;
import cn.referral.registry.domain.RegistryRecord;
import cn.referral.registry.domain.alliance.Alliance;
import cn.referral.registry.domain.catalog.DiseaseCatalog;
import cn.referral.registry.domain.contract.FamilyDoctorContract;
import cn.referral.registry.domain.institution.Institution;
import cn.referral.registry.domain.practitioner.Practitioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Maps the registry's domain events to its compacted topics: each event is announced as the record's
 * full snapshot after the change (the topic keeps the latest per record), a {@link RegistryEvent.Withdrawal}
 * as a tombstone. The events go into the record's outbox, written with it.
 */
@Component
public class RegistrySnapshots {

    private final EventFactory events;

    public RegistrySnapshots(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(List<? extends RegistryEvent<?>> domainEvents) {
        return Flux.fromIterable(domainEvents).concatMap(this::toOutbox).collectList();
    }

    private Mono<OutboxEvent> toOutbox(RegistryEvent<?> event) {
        Destination destination = destinationOf(event.record());
        return event instanceof RegistryEvent.Withdrawal
                ? events.tombstone(destination.topic(), destination.type(), destination.key())
                : events.event(destination.topic(), destination.type(), destination.key(), wire(event));
    }

    private static Destination destinationOf(RegistryRecord<?> record) {
        if (record instanceof Institution institution) {
            return new Destination(RegistryTopics.INSTITUTIONS, RegistryTopics.INSTITUTION_SNAPSHOT,
                    institution.id().value());
        }
        if (record instanceof Alliance alliance) {
            return new Destination(RegistryTopics.ALLIANCES, RegistryTopics.ALLIANCE_SNAPSHOT, alliance.id().value());
        }
        if (record instanceof DiseaseCatalog catalog) {
            return new Destination(RegistryTopics.CATALOGS, RegistryTopics.CATALOG_SNAPSHOT, catalog.id().value());
        }
        if (record instanceof FamilyDoctorContract contract) {
            // keyed by contract, not by patient: a patient's old and new contracts are separate records, so a
            // removal (tombstone) or compaction of one never takes the other with it
            return new Destination(RegistryTopics.CONTRACTS, RegistryTopics.CONTRACT_SNAPSHOT, contract.id().value());
        }
        if (record instanceof Practitioner practitioner) {
            return new Destination(RegistryTopics.PRACTITIONERS, RegistryTopics.PRACTITIONER_SNAPSHOT,
                    practitioner.id().value());
        }
        throw new IllegalArgumentException("No topic for " + record.getClass().getSimpleName());
    }

    static Object wire(RegistryEvent<?> event) {
        RegistryRecord<?> record = event.record();
        Instant occurredAt = event.occurredAt();
        if (record instanceof Institution institution) {
            return new InstitutionSnapshotV1(institution.id().value(), institution.name(), institution.organisationCode(),
                    institution.level().name(), institution.kind().name(), institution.region().value(),
                    institution.departments(), institution.gridArea(), institution.active(), institution.version(),
                    institution.medinsCode(), occurredAt);
        }
        if (record instanceof Alliance alliance) {
            return new AllianceSnapshotV1(alliance.id().value(), alliance.name(), alliance.type().name(),
                    alliance.region().value(), values(alliance.leadInstitutionIds()),
                    Identifier.valueOrNull(alliance.hubInstitutionId()), values(alliance.memberInstitutionIds()),
                    alliance.grids().stream()
                    .map(cell -> new AllianceSnapshotV1.Grid(cell.gridId().value(), cell.name(), cell.district(),
                            Identifier.valueOrNull(cell.leadInstitutionId()), values(cell.memberInstitutionIds())))
                    .toList(), alliance.active(), alliance.version(), occurredAt);
        }
        if (record instanceof DiseaseCatalog catalog) {
            return new CatalogSnapshotV1(catalog.id().value(), catalog.name(), catalog.direction().name(),
                    catalog.targetLevel().name(), catalog.version(), catalog.effectiveFrom().toString(),
                    catalog.active(), catalog.entries().stream()
                    .map(entry -> new CatalogSnapshotV1.Entry(entry.code(), entry.name(),
                            entry.careTypes().stream().map(Enum::name).sorted().toList()))
                    .toList(), occurredAt);
        }
        if (record instanceof FamilyDoctorContract contract) {
            var terms = contract.terms();
            return new ContractSnapshotV1(contract.id().value(), contract.patientRef(),
                    terms.primaryInstitutionId().value(), Identifier.valueOrNull(terms.districtHospitalId()),
                    Identifier.valueOrNull(terms.cityHospitalId()), terms.familyDoctorId().value(),
                    terms.validFrom().toString(), terms.validUntil().toString(), contract.active(), contract.version(),
                    occurredAt);
        }
        if (record instanceof Practitioner practitioner) {
            return new PractitionerSnapshotV1(practitioner.id().value(), practitioner.institutionId().value(),
                    practitioner.role().name(), practitioner.active(), practitioner.version(), occurredAt);
        }
        throw new IllegalArgumentException("No wire record for " + record.getClass().getSimpleName());
    }

    private static List<String> values(List<InstitutionId> ids) {
        return ids.stream().map(InstitutionId::value).toList();
    }

    private record Destination(String topic, String type, String key) {
    }
}
