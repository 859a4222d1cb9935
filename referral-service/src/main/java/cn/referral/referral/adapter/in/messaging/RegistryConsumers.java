package cn.referral.referral.adapter.in.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.platform.messaging.EventConsumers;
import cn.referral.referral.application.port.in.InstitutionViewUseCases;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;

/** Builds the local views of the registry's compacted topics. */
@Configuration(proxyBeanMethods = false)
class RegistryConsumers {

    static final String INSTITUTION_SNAPSHOT = "registry.institution.v1";

    /** Bound to {@code registry.institutions.v1} as {@code registryInstitutions-in-0}. */
    @Bean
    Consumer<Message<byte[]>> registryInstitutions(EventConsumers consumers, InstitutionViewUseCases views) {
        return consumers.consumer("institution-view")
                .on(INSTITUTION_SNAPSHOT, InstitutionSnapshotV1.class,
                        (event, snapshot) -> views.snapshotReceived(toInstitution(snapshot)))
                .onTombstone(event -> views.institutionRemoved(event.key()))
                .build();
    }

    private static Institution toInstitution(InstitutionSnapshotV1 snapshot) {
        return new Institution(snapshot.institutionId(), snapshot.name(), InstitutionLevel.valueOf(snapshot.level()),
                snapshot.regionCode(), snapshot.active(), snapshot.version());
    }
}
