package cn.referral.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * With {@code -Dit.infrastructure=containers} ({@link ItInfrastructure}), points a test application context
 * at a Kafka broker of its own in a container, stopped with the context; its properties come before the
 * embedded broker's (which still starts, unused), {@code spring.embedded.kafka.brokers} included, so a test
 * that reads that property reaches the container too. A test that takes the {@code EmbeddedKafkaBroker}
 * bean itself still talks to the embedded broker. Without the switch it does nothing.
 */
public class KafkaContainerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!ItInfrastructure.containers()) {
            return;
        }
        ItInfrastructure.Started kafka = ItInfrastructure.kafka();
        TestPropertyValues.of(
                // what tests read to reach "the" broker (@Value("${spring.embedded.kafka.brokers}")) follows too
                "spring.embedded.kafka.brokers=" + kafka.address(),
                "spring.cloud.stream.kafka.binder.brokers=" + kafka.address(),
                "spring.kafka.bootstrap-servers=" + kafka.address()).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                try {
                    kafka.stop().close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not stop the test Kafka broker", e);
                }
            }
        });
    }
}
