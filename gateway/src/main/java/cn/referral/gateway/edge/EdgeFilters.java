package cn.referral.gateway.edge;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every routed request passes: the per-client rate limit, and the trace handed downstream. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class EdgeFilters {

    @Bean
    ClientRateLimiter clientRateLimiter(RateLimitProperties properties, Clock clock) {
        return new ClientRateLimiter(properties, clock);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientRateLimiter limiter) {
        return new RateLimitFilter(limiter);
    }

    @Bean
    TraceparentFilter traceparentFilter() {
        return new TraceparentFilter();
    }
}
