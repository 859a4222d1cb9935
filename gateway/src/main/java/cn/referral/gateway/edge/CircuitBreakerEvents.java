package cn.referral.gateway.edge;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnIgnoredErrorEvent;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes every route's circuit breaker tell why it acts: each state change and each failed call it counts is
 * logged at WARN and counted ({@code gateway.circuitbreaker.transitions}, {@code gateway.circuitbreaker.failures}),
 * so an open circuit can be traced to the calls that opened it. Resilience4j's own meters
 * ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_circuitbreaker_calls}) show the current state.
 */
class CircuitBreakerEvents {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerEvents.class);

    private final CircuitBreakerRegistry breakers;
    private final MeterRegistry meters;

    CircuitBreakerEvents(CircuitBreakerRegistry breakers, MeterRegistry meters) {
        this.breakers = breakers;
        this.meters = meters;
        breakers.getAllCircuitBreakers().forEach(this::watch);
        breakers.getEventPublisher()
                .onEntryAdded(added -> watch(added.getAddedEntry()))
                .onEntryReplaced(replaced -> watch(replaced.getNewEntry()));
    }

    private void watch(CircuitBreaker breaker) {
        CircuitBreakerConfig config = breaker.getCircuitBreakerConfig();
        log.info("Circuit breaker '{}': {} window of {}{}, opens at {}% failed calls after at least {} calls, "
                        + "stays open {} then lets {} trial calls through",
                breaker.getName(), config.getSlidingWindowType(), config.getSlidingWindowSize(),
                config.getSlidingWindowType() == CircuitBreakerConfig.SlidingWindowType.TIME_BASED ? " s" : " calls",
                config.getFailureRateThreshold(), config.getMinimumNumberOfCalls(),
                config.getWaitIntervalFunctionInOpenState().apply(1) + " ms",
                config.getPermittedNumberOfCallsInHalfOpenState());
        breaker.getEventPublisher()
                .onStateTransition(this::transition)
                .onError(this::failure)
                .onIgnoredError(this::ignored);
    }

    private void transition(CircuitBreakerOnStateTransitionEvent event) {
        var from = event.getStateTransition().getFromState();
        var to = event.getStateTransition().getToState();
        String window = breakers.find(event.getCircuitBreakerName()).map(CircuitBreaker::getMetrics)
                .map(m -> m.getNumberOfFailedCalls() + " of " + m.getNumberOfBufferedCalls() + " recorded calls failed, "
                        + m.getNumberOfSlowCalls() + " slow")
                .orElse("no metrics");
        log.warn("Circuit breaker '{}' went {} -> {} ({})", event.getCircuitBreakerName(), from, to, window);
        Counter.builder("gateway.circuitbreaker.transitions")
                .description("State changes of the gateway's circuit breakers")
                .tag("name", event.getCircuitBreakerName())
                .tag("from", from.name().toLowerCase(Locale.ROOT))
                .tag("to", to.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }

    private void failure(CircuitBreakerOnErrorEvent event) {
        Throwable error = event.getThrowable();
        log.warn("Circuit breaker '{}' counted a failed call after {} ms: {}", event.getCircuitBreakerName(),
                event.getElapsedDuration().toMillis(), describe(error));
        count(event.getCircuitBreakerName(), error, "counted");
    }

    private void ignored(CircuitBreakerOnIgnoredErrorEvent event) {
        Throwable error = event.getThrowable();
        log.warn("Circuit breaker '{}' let a call fail without counting it against the service after {} ms: {}",
                event.getCircuitBreakerName(), event.getElapsedDuration().toMillis(), describe(error));
        count(event.getCircuitBreakerName(), error, "ignored");
    }

    private void count(String name, Throwable error, String outcome) {
        Counter.builder("gateway.circuitbreaker.failures")
                .description("Calls that failed inside a gateway circuit breaker, by exception")
                .tag("name", name)
                .tag("exception", error.getClass().getSimpleName())
                .tag("outcome", outcome)
                .register(meters).increment();
    }

    /** The exception's class and message and its root cause: enough to tell a refused connection from a timeout. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getName() + ": " + error.getMessage();
        boolean causeAddsNothing = root == error || (root.getMessage() != null && error.getMessage() != null
                && error.getMessage().contains(root.getMessage()));
        return causeAddsNothing ? text : text + " (cause " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
}
