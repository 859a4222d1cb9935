package cn.referral.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client token bucket: {@code burst} requests at once, refilled at {@code perSecond}.
 * The client is the token's subject, or the remote address when there is no token.
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(Integer burst, Integer perSecond, Integer maxClients) {

    public RateLimitProperties {
        burst = burst == null ? 100 : burst;
        perSecond = perSecond == null ? 50 : perSecond;
        maxClients = maxClients == null ? 100_000 : maxClients;
    }
}
