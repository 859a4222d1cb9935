package cn.referral.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yaml} as the lowest-priority property source: the settings every
 * service shares (broker and database addresses from the environment, retries and dead-letter
 * topics, JSON logs, probes, graceful shutdown). A service's own {@code application.yaml} and the
 * environment override any of them. In the {@code local} profile {@code platform-defaults-local.yaml}
 * comes first: the development token issuer, which no other profile trusts by default. Then names each consumer binding's dead-letter topic
 * ({@link DeadLetterTopicNames}) and, when a collector is named, where spans go ({@link OtlpTracingEndpoint}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "platform-defaults.yaml";
    private static final String LOCAL_RESOURCE = "platform-defaults-local.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            add(environment, LOCAL_RESOURCE);
        }
        add(environment, RESOURCE);
        DeadLetterTopicNames.addTo(environment);
        OtlpTracingEndpoint.addTo(environment);
    }

    private static void add(ConfigurableEnvironment environment, String resource) {
        try {
            new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
