package cn.referral.platform.config;

import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Spans leave the service over OTLP only when someone names where they go; otherwise they are made
 * (trace ids in logs and on outgoing calls and records) and dropped. Boot exports when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set; this also takes its older
 * name {@code management.otlp.tracing.endpoint} and the OpenTelemetry SDK's own variables
 * ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or {@code OTEL_EXPORTER_OTLP_ENDPOINT} plus
 * {@code /v1/traces}), so compose and k8s can point every service at a collector the usual way.
 */
final class OtlpTracingEndpoint {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String OLD_ENDPOINT = "management.otlp.tracing.endpoint";

    private OtlpTracingEndpoint() {
    }

    static void addTo(ConfigurableEnvironment environment) {
        if (StringUtils.hasText(environment.getProperty(ENDPOINT))) {
            return;
        }
        endpointOf(environment).ifPresent(endpoint -> environment.getPropertySources()
                .addLast(new MapPropertySource("otlpTracingEndpoint", Map.of(ENDPOINT, endpoint))));
    }

    static Optional<String> endpointOf(ConfigurableEnvironment environment) {
        String old = environment.getProperty(OLD_ENDPOINT);
        if (StringUtils.hasText(old)) {
            return Optional.of(old);
        }
        String traces = environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        if (StringUtils.hasText(traces)) {
            return Optional.of(traces);
        }
        String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (StringUtils.hasText(base)) {
            return Optional.of(base.replaceAll("/+$", "") + "/v1/traces");
        }
        return Optional.empty();
    }
}
