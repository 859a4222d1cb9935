package cn.referral.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives a test application context its own MongoDB ({@link MongoStandIn}: the stand-in, or a container
 * with {@code -Dit.infrastructure=containers}), stopped with the context. Skipped when the test sets
 * {@code test.mongo.external=true} and its own {@code spring.mongodb.uri}.
 */
public class MongoStandInInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty("test.mongo.external", Boolean.class, false)) {
            return;
        }
        MongoStandIn standIn = MongoStandIn.start();
        TestPropertyValues.of("spring.mongodb.uri=" + standIn.uri()).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                standIn.close();
            }
        });
    }
}
