package cn.referral.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port with an embedded Kafka broker (KRaft) and its own in-memory
 * Mongo stand-in: the default way to test a service end to end inside one JVM. Requests need a
 * token from {@link TestTokens}, which the service trusts here. With {@code -Dit.infrastructure=containers}
 * the same test meets a MongoDB replica set and a Kafka broker in containers ({@link ItInfrastructure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.kafka.binder.min-partition-count=1",
        // one partition per topic: one consumer per binding (more would sit idle and only add rebalances)
        "spring.cloud.stream.default.consumer.concurrency=1",
        "spring.cloud.stream.kafka.binder.auto-add-partitions=false",
        "spring.cloud.stream.default.consumer.back-off-initial-interval=100",
        "spring.cloud.stream.default.consumer.back-off-max-interval=200",
        "platform.outbox.poll-interval=50ms",
        "logging.structured.format.console=",
        "platform.patient-data.data-key=" + TestKeys.DATA_KEY,
        "platform.patient-data.pseudonym-key=" + TestKeys.PSEUDONYM_KEY,
        "platform.security.issuer=" + TestTokens.ISSUER,
        "platform.security.audience=" + TestTokens.AUDIENCE,
})
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1)
@ContextConfiguration(initializers = {MongoStandInInitializer.class, KafkaContainerInitializer.class,
        TestTokensInitializer.class})
@DirtiesContext
public @interface ServiceIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
