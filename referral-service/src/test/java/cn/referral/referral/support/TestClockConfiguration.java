package cn.referral.referral.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import cn.referral.platform.testing.MutableClock;

/** Replaces the service's one Clock, so tests move time to deadlines instead of sleeping. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
