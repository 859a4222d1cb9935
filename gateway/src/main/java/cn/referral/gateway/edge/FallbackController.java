package cn.referral.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.referral.platform.web.ProblemException;
import cn.referral.platform.web.ProblemTypes;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * Where a failed call through a route's circuit breaker lands: a 503 problem that says which of the causes it
 * was (open circuit, too many calls in flight, no answer in time, not reachable), never a hanging request.
 * The breaker itself logs and counts the failures ({@link CircuitBreakerEvents}).
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String detail;
        if (cause instanceof CallNotPermittedException) {
            detail = "The " + service + " service failed too often recently; calls resume shortly";
        } else if (cause instanceof BulkheadFullException) {
            detail = "Too many calls to the " + service + " service are in flight; try again shortly";
        } else if (cause instanceof TimeoutException) {
            detail = "The " + service + " service did not answer in time; try again shortly";
        } else if (hasCause(cause, ConnectException.class)) {
            detail = "The " + service + " service is not reachable; try again shortly";
        } else {
            detail = "The call to the " + service + " service failed; try again shortly";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Service unavailable", detail).with("service", service));
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
