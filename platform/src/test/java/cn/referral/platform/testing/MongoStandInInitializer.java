package cn.referral.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Gives a test application context its own Mongo stand-in, stopped with the context. Skipped
 * when the test already set {@code spring.mongodb.uri} (e.g. to a Testcontainers MongoDB).
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
