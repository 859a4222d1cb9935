package cn.referral.gateway.edge;

import reactor.core.publisher.Mono;

/**
 * A token bucket per client (the token's subject, or the remote address without one): {@code burst}
 * requests at once, refilled at {@code perSecond}. {@link LocalClientRateLimiter} keeps the buckets in this
 * gateway's memory (run-local, one replica); {@link RedisClientRateLimiter} keeps them in Redis, so
 * every replica draws from the same bucket (compose and k8s, issue 15 item 9).
 */
public interface ClientRateLimiter {

    /** Takes one token: 0 if the request may pass, else how many whole seconds to wait. */
    Mono<Long> tryAcquire(String client);
}
