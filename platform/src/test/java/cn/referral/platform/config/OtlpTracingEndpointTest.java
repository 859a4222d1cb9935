package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpTracingEndpointTest {

    @Test
    void spansAreNotExportedWhenNoCollectorIsNamed() {
        var environment = environment(Map.of());
        OtlpTracingEndpoint.addTo(environment);
        assertThat(environment.getProperty(OtlpTracingEndpoint.ENDPOINT)).isNull();
    }

    @Test
    void theSdkBaseEndpointVariableSendsSpansToItsTracesPath() {
        var environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318/"));
        OtlpTracingEndpoint.addTo(environment);
        assertThat(environment.getProperty(OtlpTracingEndpoint.ENDPOINT)).isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void theOlderPropertyNameStillNamesTheCollector() {
        var environment = environment(Map.of(OtlpTracingEndpoint.OLD_ENDPOINT, "http://collector:4318/v1/traces",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318"));
        OtlpTracingEndpoint.addTo(environment);
        assertThat(environment.getProperty(OtlpTracingEndpoint.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void anEndpointSetExplicitlyWins() {
        var environment = environment(Map.of(OtlpTracingEndpoint.ENDPOINT, "http://explicit:4318/v1/traces",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://jaeger:4318/v1/traces"));
        OtlpTracingEndpoint.addTo(environment);
        assertThat(environment.getProperty(OtlpTracingEndpoint.ENDPOINT)).isEqualTo("http://explicit:4318/v1/traces");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
