package cn.referral.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yaml} as the lowest-priority property source: the settings every
 * service shares (broker and database addresses from the environment, retries and dead-letter
 * topics, JSON logs, probes, graceful shutdown). A service's own {@code application.yaml} and the
 * environment override any of them. Then names each consumer binding's dead-letter topic
 * ({@link DeadLetterTopicNames}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "platform-defaults.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        DeadLetterTopicNames.addTo(environment);
    }
}
