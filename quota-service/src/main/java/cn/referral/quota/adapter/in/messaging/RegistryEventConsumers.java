package cn.referral.quota.adapter.in.messaging;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.events.MalformedEventException;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.messaging.RegistryView;
import cn.referral.quota.application.port.in.RegistrySnapshots;

/**
 * The registry's snapshots quota needs: institutions' regions (which region's reserve policy a pool
 * follows) and family-doctor contracts (whether a patient is referred by their contracted primary
 * institution). Tolerant readers of {@code registry.institutions.v1} and {@code registry.contracts.v1}.
 */
@Configuration(proxyBeanMethods = false)
class RegistryEventConsumers {

    record InstitutionSnapshotV1(String institutionId, String regionCode, Long version) {
    }

    record ContractSnapshotV1(String contractId, String patientRef, String primaryInstitutionId, LocalDate validFrom,
                              LocalDate validUntil, Boolean active, Long version) {
    }

    /** Bound to {@code registry.institutions.v1} as {@code registryInstitutions-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryInstitutions(EventConsumers consumers, RegistrySnapshots views) {
        return consumers.localView(RegistryView.INSTITUTIONS, InstitutionSnapshotV1.class,
                (event, snapshot) -> {
                    if (snapshot.institutionId() == null || snapshot.institutionId().isBlank()
                            || snapshot.version() == null) {
                        throw new MalformedEventException("Event " + event.id() + " lacks institutionId or version");
                    }
                    return views.institutionReceived(new InstitutionId(snapshot.institutionId()), snapshot.regionCode(),
                            snapshot.version());
                },
                views::institutionRemoved);
    }

    /** Bound to {@code registry.contracts.v1} (keyed by contractId) as {@code registryContracts-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryContracts(EventConsumers consumers, RegistrySnapshots views) {
        return consumers.localView(RegistryView.CONTRACTS, ContractSnapshotV1.class,
                (event, snapshot) -> {
                    if (snapshot.contractId() == null || snapshot.patientRef() == null || snapshot.version() == null) {
                        throw new MalformedEventException("Event " + event.id()
                                + " lacks contractId, patientRef or version");
                    }
                    return views.contractReceived(new ContractId(snapshot.contractId()), snapshot.patientRef(),
                            knownInstitution(snapshot.primaryInstitutionId()), snapshot.validFrom(),
                            snapshot.validUntil(), !Boolean.FALSE.equals(snapshot.active()), snapshot.version());
                },
                views::contractRemoved);
    }

    /** A contract without its primary institution is kept, and serves no referral first. */
    private static InstitutionId knownInstitution(String institutionId) {
        return Identifier.ofValueOrNull(institutionId, InstitutionId::new);
    }
}
