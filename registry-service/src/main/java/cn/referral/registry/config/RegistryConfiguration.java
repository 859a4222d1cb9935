package cn.referral.registry.config;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.IdGenerator;

import cn.referral.platform.events.published.RegistryTopics;
import cn.referral.registry.application.AllianceService;
import cn.referral.registry.application.AuditService;
import cn.referral.registry.application.CatalogService;
import cn.referral.registry.application.ContractService;
import cn.referral.registry.application.InstitutionService;
import cn.referral.registry.application.PractitionerService;
import cn.referral.registry.application.RouteService;
import cn.referral.registry.application.port.in.AllianceUseCases;
import cn.referral.registry.application.port.in.AuditUseCases;
import cn.referral.registry.application.port.in.CatalogUseCases;
import cn.referral.registry.application.port.in.ContractUseCases;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.in.PractitionerUseCases;
import cn.referral.registry.application.port.in.RouteUseCases;
import cn.referral.registry.application.port.out.AllianceStore;
import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.application.port.out.CatalogStore;
import cn.referral.registry.application.port.out.ContractStore;
import cn.referral.registry.application.port.out.InstitutionStore;
import cn.referral.registry.application.port.out.PatientIdentities;
import cn.referral.registry.application.port.out.PractitionerStore;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);
    private static final Duration PUBLISH_STORED_WITHIN = Duration.ofMinutes(2);

    @Bean
    InstitutionUseCases institutionUseCases(InstitutionStore store, AllianceStore alliances, Clock clock,
                                            IdGenerator ids) {
        return new InstitutionService(store, alliances, clock, newIds(ids));
    }

    @Bean
    AllianceUseCases allianceUseCases(AllianceStore store, InstitutionStore institutions, Clock clock,
                                      IdGenerator ids) {
        return new AllianceService(store, institutions, clock, newIds(ids));
    }

    @Bean
    CatalogUseCases catalogUseCases(CatalogStore store, IdGenerator ids, Clock clock) {
        return new CatalogService(store, newIds(ids), clock);
    }

    @Bean
    PractitionerUseCases practitionerUseCases(PractitionerStore store, InstitutionStore institutions, Clock clock,
                                              IdGenerator ids) {
        return new PractitionerService(store, institutions, clock, newIds(ids));
    }

    /**
     * At every start, before the registry reports itself ready: the practitioners an installation stored before
     * practitioners were published get their snapshot on {@code registry.practitioners.v1}; without it
     * referral-service would refuse every handover to them. Nothing to do on a new installation or after the
     * first start.
     */
    @Bean
    ApplicationRunner publishPractitionersStoredBeforePublication(PractitionerUseCases practitioners) {
        return arguments -> {
            Long published = practitioners.publishStoredBeforePublication().block(PUBLISH_STORED_WITHIN);
            if (published != null && published > 0) {
                log.info("Published {} practitioners stored before practitioners were published on {}", published,
                        RegistryTopics.PRACTITIONERS);
            }
        };
    }

    @Bean
    ContractUseCases contractUseCases(ContractStore store, InstitutionStore institutions, PractitionerStore practitioners,
                                      PatientIdentities identities, AuditTrail audit, Clock clock,
                                      IdGenerator ids) {
        return new ContractService(store, institutions, practitioners, identities, audit, clock, newIds(ids));
    }

    @Bean
    AuditUseCases auditUseCases(AuditTrail trail) {
        return new AuditService(trail);
    }

    @Bean
    RouteUseCases routeUseCases(InstitutionStore institutions, AllianceStore alliances, CatalogStore catalogs,
                                Clock clock) {
        return new RouteService(institutions, alliances, catalogs, clock);
    }

    /** Snapshots keyed by record id (contracts too: by contract id, not patient): compaction keeps the latest one of each. */
    @Bean
    KafkaAdmin.NewTopics registryTopics(@Value("${KAFKA_PARTITIONS:3}") int partitions,
                                        @Value("${platform.messaging.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                compacted(RegistryTopics.INSTITUTIONS, partitions, replicas),
                compacted(RegistryTopics.ALLIANCES, partitions, replicas),
                compacted(RegistryTopics.CATALOGS, partitions, replicas),
                compacted(RegistryTopics.CONTRACTS, partitions, replicas),
                compacted(RegistryTopics.PRACTITIONERS, partitions, replicas));
    }

    private static NewTopic compacted(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).compact().build();
    }

    private static Supplier<String> newIds(IdGenerator ids) {
        return () -> ids.generateId().toString();
    }
}
