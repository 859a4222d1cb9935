package cn.referral.gateway.edge;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import reactor.core.publisher.Mono;

/**
 * 429 with {@code Retry-After} once a client has used its bucket. Runs before every route filter,
 * so a limited request never reaches a circuit breaker or a service.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    private final ClientRateLimiter limiter;

    RateLimitFilter(ClientRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .switchIfEmpty(Mono.fromSupplier(() -> Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                        .map(InetSocketAddress::getHostString).orElse("unknown")))
                .flatMap(limiter::tryAcquire)
                .flatMap(waitSeconds -> {
                    if (waitSeconds == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
                    return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                            "Too many requests", "Slow down: retry after " + waitSeconds + " s"));
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
