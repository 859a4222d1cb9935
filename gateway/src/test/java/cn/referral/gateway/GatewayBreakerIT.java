package cn.referral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The routes' circuit breakers under concurrency: many clients at once on a healthy service all get its answer
 * (the breaker never mistakes the gateway's own load for the service failing), and a service that is down is
 * counted, opens the circuit, and says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=",
        "platform.security.issuer=" + TestTokens.ISSUER,
        "platform.security.audience=" + TestTokens.AUDIENCE,
        "gateway.rate-limit.burst=100000",
        "gateway.rate-limit.per-second=100000",
})
class GatewayBreakerIT {

    /** Well above the 25 calls the library's default bulkhead let through at once. */
    static final int CONCURRENT = 120;

    /** Each answer takes a while, so all the calls are in flight together. */
    @RegisterExtension
    static final FakeService SLOW_BUT_HEALTHY = new FakeService(Duration.ofMillis(400));

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        FakeService.route(registry, SLOW_BUT_HEALTHY, SLOW_BUT_HEALTHY);
    }

    @Test
    void manyConcurrentClientsOfAHealthyServiceAllGetItsAnswer() {
        String token = TestTokens.token("busy-desk", "wz-wmu-first-hospital", null, Role.REFERRAL_DESK);
        int before = SLOW_BUT_HEALTHY.received().size();

        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> CLIENT.sendAsync(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/registry/institutions/i-" + i))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> statuses = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).as("status codes of %d concurrent calls", CONCURRENT).containsOnlyKeys(200);
        assertThat(responses).allSatisfy(response -> assertThat(response.body()).contains("/institutions/i-"));
        assertThat(SLOW_BUT_HEALTHY.received().size() - before).isEqualTo(CONCURRENT);
        CircuitBreaker registry = breakers.circuitBreaker("registry");
        assertThat(registry.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(registry.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aServiceThatIsDownIsCountedOpensTheCircuitAndTheAnswerSaysSo() throws Exception {
        String token = TestTokens.token("desk-of-a-down-service", "h", null, Role.REFERRAL_DESK);
        Function<Integer, HttpResponse<String>> call = i -> CLIENT.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/quota/pools"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).join();
        int minimumCalls = breakers.circuitBreaker("quota").getCircuitBreakerConfig().getMinimumNumberOfCalls();

        List<HttpResponse<String>> refused = IntStream.range(0, minimumCalls).mapToObj(call::apply).toList();
        HttpResponse<String> afterwards = call.apply(0);

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("not reachable");
        });
        assertThat(afterwards.statusCode()).isEqualTo(503);
        assertThat(afterwards.body()).contains("failed too often");
        assertThat(afterwards.headers().firstValue("Retry-After")).isPresent();
        assertThat(breakers.circuitBreaker("quota").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.get("gateway.circuitbreaker.failures").tags("name", "quota", "outcome", "counted")
                .counter().count()).isEqualTo(minimumCalls);
        assertThat(meters.get("gateway.circuitbreaker.transitions").tags("name", "quota", "from", "closed", "to", "open")
                .counter().count()).isEqualTo(1);
    }
}
