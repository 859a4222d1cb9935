package cn.referral.gateway.edge;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every routed request passes: the per-client rate limit, the trace handed downstream, and circuit breakers
 * that log and count why they act.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class EdgeFilters {

    /** In memory unless {@code gateway.rate-limit.store=redis}; Redis falls back to memory when it does not answer. */
    @Bean
    ClientRateLimiter clientRateLimiter(RateLimitProperties properties, Clock clock,
                                        ObjectProvider<ReactiveStringRedisTemplate> redis, MeterRegistry meters) {
        ClientRateLimiter local = new LocalClientRateLimiter(properties, clock);
        if (properties.store() != RateLimitProperties.Store.REDIS) {
            return local;
        }
        return new RedisClientRateLimiter(redis.getObject(), properties, local, properties.redisTimeout(), meters);
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
