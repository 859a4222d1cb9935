package cn.referral.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.inbox.InboxProperties;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.mongo.MongoPingHealthIndicator;
import cn.referral.platform.outbox.OutboxProperties;
import cn.referral.platform.outbox.OutboxRelay;
import cn.referral.platform.scheduling.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay, inbox and event consumers for services that own a MongoDB database and talk over
 * Kafka. Dead-letter topics are the binder's own, named by {@link DeadLetterTopicNames}.
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
}
