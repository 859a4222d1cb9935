package cn.referral.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.inbox.InboxProperties;
import cn.referral.platform.messaging.ConsumerRedelivery;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.platform.messaging.PartitionAssignments;
import cn.referral.platform.messaging.StaticMembership;
import cn.referral.platform.mongo.MongoPingHealthIndicator;
import cn.referral.platform.mongo.SampledCommandSpans;
import cn.referral.platform.outbox.OutboxProperties;
import cn.referral.platform.outbox.OutboxRelay;
import cn.referral.platform.outbox.OutboxRelayJob;
import cn.referral.platform.outbox.OutboxWakeUps;
import cn.referral.platform.outbox.OutboxWriteListener;
import cn.referral.platform.scheduling.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay, inbox and event consumers for services that own a MongoDB database and talk over
 * Kafka. Dead-letter topics are the binder's own, named by {@link DeadLetterTopicNames}.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnClass({ReactiveMongoTemplate.class, KafkaTemplate.class, BindingServiceProperties.class})
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class})
public class PlatformMessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformMessagingAutoConfiguration.class);

    @Bean
    MongoPingHealthIndicator mongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Claims name this instance, so its own restart takes over what a crash left ({@link Inbox}). */
    @Bean
    Inbox inbox(ReactiveMongoTemplate mongo, InboxProperties properties, Clock clock, StaticMembership membership) {
        return new Inbox(mongo, properties, clock, membership.instance());
    }

    @Bean
    PeriodicJob inboxPurgeJob(Inbox inbox, InboxProperties properties) {
        return new PeriodicJob("inbox-purge", properties.purgeInterval(), inbox::purgeFinished);
    }

    /**
     * The handler timeout is shorter than the inbox lease: a handler still running when a
     * redelivery (after a rebalance) finds its record has not lost its lease yet.
     */
    @Bean
    EventConsumers eventConsumers(Inbox inbox, InboxProperties inboxProperties, JsonMapper json, MeterRegistry meters,
                                  PartitionAssignments assignments,
                                  @Value("${platform.messaging.handler-timeout:20s}") Duration handlerTimeout) {
        if (handlerTimeout.compareTo(inboxProperties.processingLease()) >= 0) {
            throw new IllegalArgumentException("platform.messaging.handler-timeout (" + handlerTimeout + ") must be "
                    + "shorter than platform.inbox.processing-lease (" + inboxProperties.processingLease() + ")");
        }
        return new EventConsumers(inbox, json, handlerTimeout, meters, assignments);
    }

    /**
     * Retries in the listener container instead of the binder: failures that say "not yet" wait
     * (never dead-lettered), the others go to {@code <topic>.<group>.dlq} after their attempts.
     */
    @Bean
    ConsumerRedelivery consumerRedelivery(KafkaProperties kafka, MeterRegistry meters,
            @Value("${platform.messaging.waiting-back-off-max:5s}") Duration waitingBackOffMax) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        return new ConsumerRedelivery(deadLetters, waitingBackOffMax, meters);
    }

    /**
     * When this instance got each partition: the inbox takes over claims made on a partition before then
     * ({@link PartitionAssignments}). The binder calls it on every rebalance.
     */
    @Bean
    PartitionAssignments partitionAssignments(Clock clock) {
        return new PartitionAssignments(clock);
    }

    /** Static group membership: a restarted instance takes its partitions back at once ({@link StaticMembership}). */
    @Bean
    StaticMembership staticMembership(Environment environment) {
        String configured = environment.getProperty("platform.messaging.instance-id", "");
        if (!configured.isBlank()) {
            return new StaticMembership(configured.trim());
        }
        String service = environment.getProperty("spring.application.name", "service");
        int port = environment.getProperty("server.port", Integer.class, 8080);
        String host = hostName();
        // a random port (several instances in one JVM, tests) has nothing stable to offer: a random id, unique
        String instance = port == 0 ? service + "-" + host + "-" + UUID.randomUUID().toString().substring(0, 8)
                : service + "-" + host + "-" + port;
        log.info("Kafka consumers join their groups as static members {}-<binding>", instance);
        return new StaticMembership(instance);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Creates the index of the inbox purge ({@code status}, {@code completedAt}) once the service runs. */
    @Bean
    ApplicationListener<ApplicationStartedEvent> inboxPurgeIndex(Inbox inbox) {
        return started -> inbox.ensurePurgeIndex().subscribe(
                name -> log.debug("Inbox purge index {} in place", name),
                error -> log.warn("Could not create the inbox purge index: {}", error.toString()));
    }

    /**
     * Producer for the relay: acks from all in-sync replicas, idempotent (so a document's events,
     * sent together, stay in order), no linger (a saga hop waits for each batch), and a delivery
     * timeout equal to the relay's send timeout: a record the relay gave up on is never delivered
     * afterwards, which the outbox lease relies on ({@link OutboxProperties}).
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka, OutboxProperties outbox) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int sendTimeout = (int) outbox.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        int requestTimeout = Integer.parseInt(String.valueOf(
                config.getOrDefault(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, sendTimeout)));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(requestTimeout, sendTimeout));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Leases name this instance, so its own restart takes over what a crash left ({@link OutboxRelay}). */
    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
                            OutboxProperties properties, Clock clock, MeterRegistry meters,
                            @Value("${spring.application.name}") String service, StaticMembership membership) {
        return new OutboxRelay(mongo, outboxKafkaTemplate, properties, clock, "/" + service, meters,
                membership.instance());
    }

    @Bean
    OutboxWakeUps outboxWakeUps(OutboxProperties properties) {
        return new OutboxWakeUps(properties.collections());
    }

    /**
     * A span per MongoDB command, in the trace of the request or event that sent it: the reactive
     * driver takes the current observation from the Reactor context. With the HTTP and Kafka spans a
     * slow saga reads hop by hop down to the database (README, Tracing). Only in sampled traces
     * ({@link SampledCommandSpans}).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoCommandSpans(ObjectProvider<ObservationRegistry> observations) {
        return settings -> observations.ifAvailable(registry -> settings
                .contextProvider(ContextProviderFactory.create(registry))
                .addCommandListener(new SampledCommandSpans(new MongoObservationCommandListener(registry))));
    }

    /** The driver tells the relay about every write that appended outbox events ({@link OutboxWriteListener}). */
    @Bean
    @ConditionalOnProperty(name = "platform.outbox.wake-on-write", matchIfMissing = true)
    MongoClientSettingsBuilderCustomizer outboxWriteListener(OutboxWakeUps wakeUps) {
        return settings -> settings.addCommandListener(new OutboxWriteListener(wakeUps));
    }

    @Bean
    @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
    OutboxRelayJob outboxRelayJob(OutboxRelay relay, OutboxWakeUps wakeUps, OutboxProperties properties) {
        return new OutboxRelayJob(relay, wakeUps, properties);
    }
}
