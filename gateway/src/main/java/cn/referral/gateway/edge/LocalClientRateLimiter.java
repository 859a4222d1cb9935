package cn.referral.gateway.edge;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this gateway's memory. Each replica limits on its own, so with N replicas a client gets
 * up to N times the rate: where more than one gateway runs, use {@link RedisClientRateLimiter}. Above
 * {@code maxClients} buckets the idle ones go (a bucket refilled to the burst is the same as none), never
 * the buckets of clients still being limited.
 */
public class LocalClientRateLimiter implements ClientRateLimiter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalClientRateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Long> tryAcquire(String client) {
        return Mono.fromSupplier(() -> acquire(client));
    }

    /** Takes one token; answers 0 if allowed, else how many whole seconds to wait. */
    long acquire(String client) {
        long now = clock.millis();
        if (buckets.size() > properties.maxClients()) {
            buckets.entrySet().removeIf(entry -> entry.getValue().refilled(now, properties).tokens >= properties.burst());
        }
        Bucket bucket = buckets.compute(client, (key, current) -> (current == null
                ? new Bucket(properties.burst(), now) : current.refilled(now, properties)).take());
        return bucket.granted ? 0 : bucket.secondsUntilNextToken(properties);
    }

    int clients() {
        return buckets.size();
    }

    private record Bucket(double tokens, long at, boolean granted) {

        Bucket(double tokens, long at) {
            this(tokens, at, false);
        }

        Bucket refilled(long now, RateLimitProperties properties) {
            double refill = Math.max(0, now - at) / 1000.0 * properties.perSecond();
            return new Bucket(Math.min(properties.burst(), tokens + refill), Math.max(now, at), false);
        }

        Bucket take() {
            return tokens >= 1 ? new Bucket(tokens - 1, at, true) : new Bucket(tokens, at, false);
        }

        long secondsUntilNextToken(RateLimitProperties properties) {
            return Math.max(1, (long) Math.ceil((1 - tokens) / properties.perSecond()));
        }
    }
}
