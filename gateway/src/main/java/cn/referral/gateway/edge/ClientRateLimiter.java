package cn.referral.gateway.edge;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client, in memory. Each gateway replica limits on its own, so with N replicas
 * a client gets at most N times the rate: a shared store (Redis) is the step up when that matters.
 */
public class ClientRateLimiter {

    private final RateLimitProperties properties;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes one token; answers 0 if allowed, else how many whole seconds to wait. */
    public long tryAcquire(String client) {
        if (buckets.size() > properties.maxClients()) {
            buckets.clear();
        }
        long now = clock.millis();
        Bucket bucket = buckets.compute(client, (key, current) -> (current == null
                ? new Bucket(properties.burst(), now) : current.refilled(now, properties)).take());
        return bucket.granted ? 0 : bucket.secondsUntilNextToken(properties);
    }

    private record Bucket(double tokens, long at, boolean granted) {

        Bucket(double tokens, long at) {
            this(tokens, at, false);
        }

        Bucket refilled(long now, RateLimitProperties properties) {
            double refill = (now - at) / 1000.0 * properties.perSecond();
            return new Bucket(Math.min(properties.burst(), tokens + refill), now, false);
        }

        Bucket take() {
            return tokens >= 1 ? new Bucket(tokens - 1, at, true) : new Bucket(tokens, at, false);
        }

        long secondsUntilNextToken(RateLimitProperties properties) {
            return Math.max(1, (long) Math.ceil((1 - tokens) / properties.perSecond()));
        }
    }
}
