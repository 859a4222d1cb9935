package cn.referral.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.mongodb.RequestContext;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/** Which MongoDB commands get a span: those sent inside a sampled trace, and no others. */
class SampledCommandSpansTest {

    @Test
    void aCommandInsideASampledTraceIsObserved() {
        assertThat(SampledCommandSpans.inSampledTrace(commandSentWithin(Sampler.alwaysOn()))).isTrue();
    }

    @Test
    void aCommandInsideATraceNotSampledIsNot() {
        assertThat(SampledCommandSpans.inSampledTrace(commandSentWithin(Sampler.alwaysOff()))).isFalse();
    }

    @Test
    void aCommandOutsideAnyRequestOrEventIsNot() {
        assertThat(SampledCommandSpans.inSampledTrace(null)).isFalse();
        assertThat(SampledCommandSpans.inSampledTrace(new MapRequestContext())).isFalse();
        MapRequestContext untraced = new MapRequestContext();
        untraced.put(ObservationThreadLocalAccessor.KEY, observed(ObservationRegistry.create()));
        assertThat(SampledCommandSpans.inSampledTrace(untraced)).isFalse();
    }

    private static RequestContext commandSentWithin(Sampler sampler) {
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler).build()).build();
        OtelTracer tracer = new OtelTracer(otel.getTracer("test"), new OtelCurrentTraceContext(), event -> { });
        TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
        tracing.setSpan(tracer.nextSpan().start());
        ObservationRegistry registry = ObservationRegistry.create();
        Observation request = observed(registry);
        request.getContext().put(TracingObservationHandler.TracingContext.class, tracing);
        MapRequestContext context = new MapRequestContext();
        context.put(ObservationThreadLocalAccessor.KEY, request);
        return context;
    }

    private static Observation observed(ObservationRegistry registry) {
        registry.observationConfig().observationHandler(context -> true);
        return Observation.start("http.server.requests", registry);
    }

    /** The driver's request context, as the reactive context provider fills it. */
    private static final class MapRequestContext implements RequestContext {

        private final Map<Object, Object> entries = new HashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Object key) {
            return (T) entries.get(key);
        }

        @Override
        public boolean hasKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public void delete(Object key) {
            entries.remove(key);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Stream<Map.Entry<Object, Object>> stream() {
            return entries.entrySet().stream();
        }
    }
}
