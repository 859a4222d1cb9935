package cn.referral.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Per-client token bucket: {@code burst} requests at once, refilled at {@code perSecond}.
 * The client is the token's subject, or the remote address when there is no token. {@code store}:
 * {@code memory} (each replica on its own; run-local) or {@code redis} (shared by every replica, at
 * {@code spring.data.redis.*}; compose and k8s), where a Redis call that takes longer than
 * {@code redisTimeout} falls back to this replica's memory.
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(Integer burst, Integer perSecond, Integer maxClients, Store store,
                                  Duration redisTimeout) {

    public enum Store { MEMORY, REDIS }

    @ConstructorBinding
    public RateLimitProperties {
        burst = burst == null ? 100 : burst;
        perSecond = perSecond == null ? 50 : perSecond;
        maxClients = maxClients == null ? 100_000 : maxClients;
        store = store == null ? Store.MEMORY : store;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(200) : redisTimeout;
    }

    public RateLimitProperties(Integer burst, Integer perSecond, Integer maxClients) {
        this(burst, perSecond, maxClients, null, null);
    }
}
