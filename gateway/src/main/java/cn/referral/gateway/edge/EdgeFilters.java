package cn.referral.gateway.edge;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every routed request passes: the per-client rate limit, the trace handed downstream, and circuit breakers
 * that log and count why they act.
 */
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
    CircuitBreakerEvents circuitBreakerEvents(CircuitBreakerRegistry breakers, MeterRegistry meters) {
        return new CircuitBreakerEvents(breakers, meters);
    }

    @Bean
    TraceparentFilter traceparentFilter() {
        return new TraceparentFilter();
    }
}
