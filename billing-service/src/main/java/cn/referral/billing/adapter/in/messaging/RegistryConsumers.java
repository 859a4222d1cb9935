package cn.referral.billing.adapter.in.messaging;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.billing.application.port.in.ReferenceDataUseCases;
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.messaging.RegistryView;

/** Builds the local views of the registry's compacted topics: institution levels and alliance members. */
@Configuration(proxyBeanMethods = false)
class RegistryConsumers {

    /** Bound to {@code registry.institutions.v1} as {@code registryInstitutions-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryInstitutions(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.INSTITUTIONS, InstitutionSnapshotV1.class, views.institutions(),
                RegistryConsumers::toInstitution);
    }

    /** Bound to {@code registry.alliances.v1} as {@code registryAlliances-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryAlliances(EventConsumers consumers, ReferenceDataUseCases views) {
        return consumers.localView(RegistryView.ALLIANCES, AllianceSnapshotV1.class, views.alliances(),
                RegistryConsumers::toAlliance);
    }

    private static Institution toInstitution(InstitutionSnapshotV1 snapshot) {
        return new Institution(new InstitutionId(snapshot.institutionId()), InstitutionLevel.valueOf(snapshot.level()),
                snapshot.regionCode(), snapshot.active(), snapshot.version(), snapshot.name(), snapshot.medinsCode());
    }

    private static Alliance toAlliance(AllianceSnapshotV1 snapshot) {
        return new Alliance(new AllianceId(snapshot.allianceId()), AllianceType.valueOf(snapshot.type()),
                snapshot.regionCode(), snapshot.memberInstitutionIds() == null ? Set.of()
                        : snapshot.memberInstitutionIds().stream().map(InstitutionId::new).collect(Collectors.toSet()),
                snapshot.active(), snapshot.version());
    }
}
