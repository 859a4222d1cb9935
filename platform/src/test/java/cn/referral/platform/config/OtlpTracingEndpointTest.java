package cn.referral.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpTracingEndpointTest {

    @Test
    void spansAreNotExportedWhenNoCollectorIsNamed() {
        assertThat(endpointGiven(Map.of())).isNull();
    }

    @Test
    void theSdkBaseEndpointVariableSendsSpansToItsTracesPath() {
        assertThat(endpointGiven(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318/")))
                .isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void theOlderPropertyNameStillNamesTheCollector() {
        assertThat(endpointGiven(Map.of(OtlpTracingEndpoint.OLD_ENDPOINT, "http://collector:4318/v1/traces",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318")))
                .isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void anEndpointSetExplicitlyWins() {
        assertThat(endpointGiven(Map.of(OtlpTracingEndpoint.ENDPOINT, "http://explicit:4318/v1/traces",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://jaeger:4318/v1/traces")))
                .isEqualTo("http://explicit:4318/v1/traces");
    }

    /** The span endpoint Spring Boot reads after {@link OtlpTracingEndpoint} has looked at these properties. */
    private static String endpointGiven(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        OtlpTracingEndpoint.addTo(environment);
        return environment.getProperty(OtlpTracingEndpoint.ENDPOINT);
    }
}
