package cn.referral.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis, shared by every gateway replica: one Lua script refills and takes a token
 * atomically, on Redis's own clock (so replicas' clocks need not agree), and lets an idle bucket expire
 * once it would be full again. When Redis does not answer within {@code timeout}, this replica limits on
 * its own ({@code fallback}) rather than refusing or waving through everyone: logged once at WARN when
 * that starts and at INFO when Redis answers again, and counted in
 * {@code gateway_rate_limit_store_failures_total}.
 */
public class RedisClientRateLimiter implements ClientRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisClientRateLimiter.class);

    static final String KEY_PREFIX = "gateway:rate-limit:";

    /** KEYS[1] the bucket; ARGV[1] burst, ARGV[2] tokens per second. Returns 0 (granted) or seconds to wait. */
    private static final RedisScript<Long> TAKE_TOKEN = RedisScript.of("""
            local burst = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.max(1, math.ceil((1 - tokens) / rate))
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
            return wait
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final ClientRateLimiter fallback;
    private final Duration timeout;
    private final Counter failures;
    private final AtomicBoolean degraded = new AtomicBoolean();

    public RedisClientRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
                                  ClientRateLimiter fallback, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.fallback = fallback;
        this.timeout = timeout;
        this.failures = Counter.builder("gateway.rate.limit.store.failures")
                .description("Rate-limit calls Redis did not answer; this replica limited on its own instead")
                .register(meters);
    }

    @Override
    public Mono<Long> tryAcquire(String client) {
        return redis.execute(TAKE_TOKEN, List.of(KEY_PREFIX + client),
                        List.of(Integer.toString(properties.burst()), Integer.toString(properties.perSecond())))
                .next()
                // Spring Data Redis connects, blocking for up to its connect timeout, inside the first call and
                // inside every call after a failed connect: not on the event loop, and within the timeout below
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout)
                .doOnNext(answered -> {
                    if (degraded.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared by every gateway replica");
                    }
                })
                .onErrorResume(failure -> {
                    failures.increment();
                    if (degraded.compareAndSet(false, true)) {
                        log.warn("Redis did not answer a rate-limit call ({}); this replica limits on its own "
                                + "until it does", failure.toString());
                    }
                    return fallback.tryAcquire(client);
                });
    }
}
