package cn.referral.platform.web;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.referral.platform.events.CloudEventHeaders;
import cn.referral.platform.events.TraceContext;
import cn.referral.platform.events.Traceparent;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Gives every request a trace id: from its W3C {@code traceparent} (with the request's server span as
 * parent when Micrometer Tracing continued it), else from an {@code X-Correlation-Id} that is a trace
 * id, else the server span's, else a new one. The id goes into the Reactor
 * context (and so the MDC of every log line and the {@code traceparent} of every event the request
 * causes) and back to the caller as {@code X-Correlation-Id}.
 */
public class TraceWebFilter implements WebFilter, Ordered {

    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** Exchange attribute with the request's trace id, for code that runs outside the filter chain. */
    public static final String TRACE_ID_ATTRIBUTE = TraceWebFilter.class.getName() + ".traceId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Traceparent trace = Traceparent.parse(request.getHeaders().getFirst(CloudEventHeaders.TRACEPARENT))
                // the server span continues it: its span is the parent of what the request causes
                .map(incoming -> serverSpanOf(exchange).filter(span -> span.traceId().equals(incoming.traceId()))
                        .orElse(incoming))
                .or(() -> Optional.ofNullable(request.getHeaders().getFirst(CORRELATION_ID))
                        .filter(Traceparent::isTraceId)
                        .map(Traceparent::ofTraceId))
                .or(() -> serverSpanOf(exchange))
                .orElseGet(Traceparent::newRoot);
        exchange.getResponse().getHeaders().set(CORRELATION_ID, trace.traceId());
        exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, trace.traceId());
        return chain.filter(exchange).contextWrite(TraceContext.with(trace));
    }

    /** The trace and span of the request's observation, so events it causes continue the same trace. */
    private static Optional<Traceparent> serverSpanOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(observation -> observation.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context())
                .filter(context -> Traceparent.isTraceId(context.traceId()))
                .map(TraceWebFilter::traceparentOf);
    }

    private static Traceparent traceparentOf(io.micrometer.tracing.TraceContext context) {
        return new Traceparent(context.traceId(), context.spanId());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
