package cn.referral.platform.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Replaces the service's one Clock with a {@link MutableClock} at the time the context starts, so tests move
 * time (to a deadline, or past a millisecond) instead of sleeping: {@code @Import(MutableClockConfiguration.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    MutableClock clock() {
        return MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
