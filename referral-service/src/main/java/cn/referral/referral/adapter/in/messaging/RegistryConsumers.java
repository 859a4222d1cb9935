package cn.referral.referral.adapter.in.messaging;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.CatalogId;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PractitionerId;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.messaging.RegistryView;
import cn.referral.referral.adapter.in.messaging.RegistryMessagesV1.AllianceSnapshotV1;
import cn.referral.referral.adapter.in.messaging.RegistryMessagesV1.CatalogSnapshotV1;
import cn.referral.referral.adapter.in.messaging.RegistryMessagesV1.ContractSnapshotV1;
import cn.referral.referral.adapter.in.messaging.RegistryMessagesV1.PractitionerSnapshotV1;
import cn.referral.referral.application.port.in.ReferenceDataUseCases;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.Catalog;
import cn.referral.referral.domain.network.CatalogEntry;
import cn.referral.referral.domain.network.FamilyDoctorContract;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import cn.referral.referral.domain.network.Practitioner;
import cn.referral.referral.domain.referral.CareType;
import cn.referral.referral.domain.referral.Direction;

/** Builds the local views of the registry's compacted topics. */
@Configuration(proxyBeanMethods = false)
class RegistryConsumers {

    /** Bound to {@code registry.institutions.v1} as {@code registryInstitutions-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryInstitutions(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.INSTITUTIONS, InstitutionSnapshotV1.class, views.institutions(),
                RegistryConsumers::toInstitution);
    }

    /** Bound to {@code registry.catalogs.v1} as {@code registryCatalogs-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryCatalogs(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.CATALOGS, CatalogSnapshotV1.class, views.catalogs(),
                RegistryConsumers::toCatalog);
    }

    /** Bound to {@code registry.contracts.v1} (keyed by contractId) as {@code registryContracts-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryContracts(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.CONTRACTS, ContractSnapshotV1.class, views.contracts(),
                RegistryConsumers::toContract);
    }

    /** Bound to {@code registry.alliances.v1} as {@code registryAlliances-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryAlliances(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.ALLIANCES, AllianceSnapshotV1.class, views.alliances(),
                RegistryConsumers::toAlliance);
    }

    /** Bound to {@code registry.practitioners.v1} as {@code registryPractitioners-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryPractitioners(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.PRACTITIONERS, PractitionerSnapshotV1.class, views.practitioners(),
                RegistryConsumers::toPractitioner);
    }

    private static Institution toInstitution(InstitutionSnapshotV1 snapshot) {
        return new Institution(new InstitutionId(snapshot.institutionId()), snapshot.name(),
                InstitutionLevel.valueOf(snapshot.level()), snapshot.regionCode(), snapshot.active(), snapshot.version(),
                snapshot.departments(), snapshot.kind());
    }

    private static Alliance toAlliance(AllianceSnapshotV1 snapshot) {
        return new Alliance(new AllianceId(snapshot.allianceId()), snapshot.name(),
                members(snapshot.memberInstitutionIds()), !Boolean.FALSE.equals(snapshot.active()), snapshot.version());
    }

    private static Catalog toCatalog(CatalogSnapshotV1 snapshot) {
        List<CatalogEntry> entries = snapshot.entries() == null ? List.of() : snapshot.entries().stream()
                .map(entry -> new CatalogEntry(entry.code(), entry.name(), entry.careTypes() == null ? Set.of()
                        : Set.copyOf(entry.careTypes().stream().map(CareType::valueOf).toList())))
                .toList();
        return new Catalog(new CatalogId(snapshot.catalogId()), snapshot.name(), Direction.valueOf(snapshot.direction()),
                snapshot.targetLevel() == null ? null : InstitutionLevel.valueOf(snapshot.targetLevel()),
                snapshot.version(), snapshot.effectiveFrom(), !Boolean.FALSE.equals(snapshot.active()), entries);
    }

    private static Practitioner toPractitioner(PractitionerSnapshotV1 snapshot) {
        return new Practitioner(new PractitionerId(snapshot.practitionerId()), new InstitutionId(snapshot.institutionId()),
                snapshot.role(), !Boolean.FALSE.equals(snapshot.active()), snapshot.version());
    }

    private static FamilyDoctorContract toContract(ContractSnapshotV1 snapshot) {
        return new FamilyDoctorContract(new ContractId(snapshot.contractId()), snapshot.patientRef(),
                knownInstitution(snapshot.primaryInstitutionId()), knownInstitution(snapshot.districtHospitalId()),
                knownInstitution(snapshot.cityHospitalId()), snapshot.familyDoctorId(),
                snapshot.validFrom(), snapshot.validUntil(), !Boolean.FALSE.equals(snapshot.active()),
                snapshot.version());
    }

    /** A contract may leave out any of its 1+1+1 institutions: a blank one names none. */
    private static InstitutionId knownInstitution(String institutionId) {
        return Identifier.ofValueOrNull(institutionId, InstitutionId::new);
    }

    /** An alliance's members; a blank entry names no institution. */
    private static List<InstitutionId> members(List<String> institutionIds) {
        return institutionIds == null ? List.of() : institutionIds.stream()
                .filter(member -> member != null && !member.isBlank()).map(InstitutionId::new).toList();
    }
}
