package cn.referral.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.inbox.InboxProperties;
import cn.referral.platform.messaging.DeadLetterTopics;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.mongo.MongoPingHealthIndicator;
import cn.referral.platform.outbox.OutboxProperties;
import cn.referral.platform.outbox.OutboxRelay;
import cn.referral.platform.scheduling.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay, inbox, event consumers and dead-letter topics for services that own a MongoDB
 * database and talk over Kafka.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass({ReactiveMongoTemplate.class, KafkaTemplate.class, BindingServiceProperties.class})
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class})
public class PlatformMessagingAutoConfiguration {

    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    Inbox inbox(ReactiveMongoTemplate mongo, InboxProperties properties, Clock clock) {
        return new Inbox(mongo, properties, clock);
    }

    @Bean
    PeriodicJob inboxPurgeJob(Inbox inbox, InboxProperties properties) {
        return new PeriodicJob("inbox-purge", properties.purgeInterval(), inbox::purgeFinished);
    }

    @Bean
    EventConsumers eventConsumers(Inbox inbox, JsonMapper json,
                                  @Value("${platform.messaging.handler-timeout:30s}") Duration handlerTimeout) {
        return new EventConsumers(inbox, json, handlerTimeout);
    }

    /** Producer for the relay: acks from all in-sync replicas, idempotent, ordered per key. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            OutboxProperties properties, Clock clock, MeterRegistry meters,
                            @Value("${spring.application.name}") String service) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, properties, clock, "/" + service, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
    PeriodicJob outboxRelayJob(OutboxRelay relay, OutboxProperties properties) {
        return new PeriodicJob("outbox-relay", properties.pollInterval(), relay::relayOnce);
    }

    /** Failed records go to {@code <topic>.<group>.dlq}, with the error in the record's headers. */
    @Bean
    DlqDestinationResolver dlqDestinationResolver(@Value("${spring.application.name}") String group) {
        return (record, error) -> DeadLetterTopics.of(record.topic(), group);
    }

    /** Creates the dead-letter topic of every input binding up front, so nothing waits for auto-creation. */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaAdmin.NewTopics deadLetterTopics(BindingServiceProperties bindings,
                                          @Value("${spring.application.name}") String group,
                                          @Value("${platform.messaging.replication-factor:1}") short replicas) {
        NewTopic[] topics = bindings.getBindings().values().stream()
                .filter(binding -> binding.getGroup() != null && binding.getDestination() != null)
                .flatMap(binding -> java.util.Arrays.stream(binding.getDestination().split(",")))
                .map(String::trim)
                .distinct()
                .map(topic -> TopicBuilder.name(DeadLetterTopics.of(topic, group)).partitions(1).replicas(replicas)
                        .build())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }
}
