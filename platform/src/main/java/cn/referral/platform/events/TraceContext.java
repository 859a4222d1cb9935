package cn.referral.platform.events;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Carries the trace id through a reactive chain. The key is also the MDC key, so with
 * {@code spring.reactor.context-propagation=auto} every log line of the request or of the
 * consumed event shows it.
 */
public final class TraceContext {

    public static final String TRACE_ID = "traceId";

    private TraceContext() {
    }

    public static Context with(Traceparent traceparent) {
        return Context.of(TRACE_ID, traceparent.traceId());
    }

    /** The trace of the current request or consumed event, or a new one when there is none. */
    public static Mono<Traceparent> current() {
        return Mono.deferContextual(context -> Mono.just(from(context)));
    }

    public static Traceparent from(ContextView context) {
        return context.<String>getOrEmpty(TRACE_ID).map(Traceparent::ofTraceId).orElseGet(Traceparent::newRoot);
    }
}
