package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;

/**
 * The Kafka client security settings of platform-defaults.yaml: PLAINTEXT unless the environment says otherwise
 * (run-local, the tests), and when it does (compose, k8s: SASL_PLAINTEXT, SCRAM-SHA-512, the service's own JAAS
 * line) the same three settings reach both the clients Spring Boot makes (the outbox relay's producer, the admin)
 * and every client of the Spring Cloud Stream Kafka binder.
 */
class KafkaClientSecurityDefaultsTest {

    private static final String BINDER = "spring.cloud.stream.kafka.binder.configuration";
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"quota-service\" password=\"secret\";";

    @Test
    void withoutSettingsEveryClientStaysOnPlaintext() {
        MockEnvironment environment = withDefaults(new MockEnvironment());

        Map<String, Object> producer = kafkaProperties(environment).buildProducerProperties();
        assertThat(producer).containsEntry("security.protocol", "PLAINTEXT").containsEntry("sasl.jaas.config", "");
        assertThat(binderConfiguration(environment)).containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.jaas.config", "");
    }

    @Test
    void scramSettingsReachBootsClientsAndTheBinder() {
        MockEnvironment environment = withDefaults(new MockEnvironment()
                .withProperty("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .withProperty("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .withProperty("KAFKA_SASL_JAAS_CONFIG", JAAS));

        KafkaProperties kafka = kafkaProperties(environment);
        for (Map<String, Object> client : new Map[] {kafka.buildProducerProperties(),
                kafka.buildConsumerProperties(), kafka.buildAdminProperties()}) {
            assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", JAAS);
        }
        assertThat(binderConfiguration(environment)).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("sasl.jaas.config", JAAS);
    }

    private static MockEnvironment withDefaults(MockEnvironment environment) {
        new PlatformDefaults().postProcessEnvironment(environment, null);
        return environment;
    }

    private static KafkaProperties kafkaProperties(MockEnvironment environment) {
        return Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
    }

    private static Map<String, String> binderConfiguration(MockEnvironment environment) {
        return Binder.get(environment).bind(BINDER, Bindable.mapOf(String.class, String.class)).get();
    }
}
