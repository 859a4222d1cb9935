package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.ServiceIntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/** Which observations a service makes with the platform's defaults: its requests, not Spring Security's steps. */
@ServiceIntegrationTest(classes = PlatformTestApplication.class)
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES)
class ObservationsIT {

    @Autowired
    private ObservationRegistry observations;

    @Test
    void springSecuritysFilterChainStepsAreNotObservedButRequestsAre() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authorizations", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }
}
