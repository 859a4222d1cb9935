package cn.referral.registry.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.util.IdGenerator;

import cn.referral.registry.adapter.out.messaging.RegistryTopics;
import cn.referral.registry.application.InstitutionService;
import cn.referral.registry.application.port.in.InstitutionUseCases;
import cn.referral.registry.application.port.out.InstitutionStore;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    InstitutionUseCases institutionUseCases(InstitutionStore store, IdGenerator ids) {
        return new InstitutionService(store, () -> ids.generateId().toString());
    }

    /** Snapshots keyed by institution id: compaction keeps the latest one of each. */
    @Bean
    NewTopic institutionsTopic(@Value("${KAFKA_PARTITIONS:3}") int partitions,
                               @Value("${platform.messaging.replication-factor:1}") short replicas) {
        return TopicBuilder.name(RegistryTopics.INSTITUTIONS).partitions(partitions).replicas(replicas).compact().build();
    }
}
