package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.platform.events.Traceparent;
import cn.referral.platform.security.Role;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;

/**
 * The HTTP side of a service as its clients see it: every error is RFC 9457 problem+json with a
 * trace id to quote, and the probes answer.
 */
@ServiceIntegrationTest(classes = PlatformTestApplication.class)
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES)
class ProblemDetailsIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(Role.REFERRAL_DESK, "inst-1"))
                .build();
    }

    @Test
    void aValidRequestSucceedsAndCarriesACorrelationId() {
        client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Bed", "quantity", 2))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(TraceWebFilter.CORRELATION_ID, id -> assertThat(Traceparent.isTraceId(id)).isTrue())
                .expectBody().jsonPath("$.name").isEqualTo("Bed");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", 2)), 400);

        assertThat(problem).containsEntry("type", ProblemTypes.VALIDATION.toString());
        assertThat(fields(problem)).containsExactly("name");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "quantity", 0)), 400);

        assertThat(fields(problem)).containsExactlyInAnyOrder("name", "quantity");
    }

    @Test
    void anUnknownFieldIsRejectedAndNamed() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Bed", "quantity", 1, "status", "APPROVED")), 400);

        assertThat(problem).containsEntry("type", ProblemTypes.VALIDATION.toString());
        assertThat(fields(problem)).containsExactly("status");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Bed\",\"quantity\":\"many\"}"), 400);

        assertThat(fields(problem)).containsExactly("quantity");
    }

    @Test
    void aNumberOrABooleanWhereTheApiSaysStringIsNamed() {
        for (String name : List.of("12345", "1.5", "true")) {
            Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":" + name + ",\"quantity\":1}"), 400);

            assertThat(fields(problem)).as("name %s", name).containsExactly("name");
        }
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Bed\",\"quantity\":1,\"availableFrom\":12345}"), 400);
        assertThat(fields(problem)).as("a number where the API says date").containsExactly("availableFrom");
    }

    @Test
    void anUnreadableDateIsNamed() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Bed\",\"quantity\":1,\"availableFrom\":\"next tuesday\"}"), 400);

        assertThat(fields(problem)).containsExactly("availableFrom");
        assertThat(problem.toString()).as("no internal class names (issue 15)").doesNotContain("java.")
                .doesNotContain("cn.referral").doesNotContain("`").contains("must be a date (yyyy-MM-dd)");
    }

    @Test
    void aBodyCheckedWithItsPathNamesTheBodysFields() {
        Map<String, Object> problem = problem(client.put().uri("/items/item-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "quantity", 1)), 400);
        assertThat(fields(problem)).as("not the parameter holding the body").containsExactly("name");

        Map<String, Object> both = problem(client.put().uri("/items/item-one").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ", "quantity", 1)), 400);
        assertThat(fields(both)).containsExactlyInAnyOrder("id", "name");
    }

    @Test
    void aPathTheFirewallRefusesIsAMalformedRequestProblem() {
        for (String path : List.of("/items/a%2Fb", "/items/a%00b")) {
            Map<String, Object> problem = problem(client.get().uri(URI.create("http://localhost:" + port + path)), 400);

            assertThat(problem).as(path).containsEntry("type", ProblemTypes.MALFORMED_REQUEST.toString())
                    .containsEntry("title", "Malformed request").containsEntry("status", 400);
        }
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        Map<String, Object> problem = problem(client.post().uri("/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Bed\", "), 400);

        assertThat(problem).as("%s", problem).containsEntry("type", ProblemTypes.MALFORMED_REQUEST.toString());
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsNamed() {
        Map<String, Object> problem = problem(client.get().uri("/items?limit=ten"), 400);

        assertThat(fields(problem)).containsExactly("limit");
    }

    @Test
    void aMissingQueryParameterIsNamed() {
        Map<String, Object> problem = problem(client.get().uri("/items"), 400);

        assertThat(fields(problem)).containsExactly("limit");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        Map<String, Object> problem = problem(client.get().uri("/no/such/thing"), 404);

        assertThat(problem).containsEntry("type", ProblemTypes.NOT_FOUND.toString());
    }

    @Test
    void aNotFoundProblemSaysWhatWasNotFound() {
        Map<String, Object> problem = problem(client.get().uri("/items/item-42"), 404);

        assertThat(problem).containsEntry("type", ProblemTypes.NOT_FOUND.toString())
                .containsEntry("title", "Item not found")
                .containsEntry("detail", "No item with id item-42");
    }

    @Test
    void aServerFaultRevealsNothingButTheTraceIdToQuote() {
        for (String uri : List.of("/items/broken", "/items/broken-later")) {
            EntityExchangeResult<String> result = client.get().uri(uri).exchange()
                    .expectStatus().isEqualTo(500)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).returnResult();

            String body = result.getResponseBody();
            String correlationId = result.getResponseHeaders().getFirst(TraceWebFilter.CORRELATION_ID);
            assertThat(body).doesNotContain("IllegalStateException", "Exception", "s3cret", "10.0.0.7", "at cn.",
                    "trace\":[", "stackTrace");
            assertThat(correlationId).isNotNull();
            assertThat(body).contains("\"traceId\":\"" + correlationId + "\"")
                    .contains(ProblemTypes.INTERNAL.toString());
        }
    }

    @Test
    void theCallersTraceIsKeptAsCorrelationIdAndQuotedInAServerFault() {
        client.get().uri("/items/broken").header("traceparent", TRACEPARENT).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().valueEquals(TraceWebFilter.CORRELATION_ID, TRACE_ID)
                .expectBody().jsonPath("$.traceId").isEqualTo(TRACE_ID);
    }

    @Test
    void aCorrelationIdThatIsATraceIdIsKept() {
        client.get().uri("/items/item-1").header(TraceWebFilter.CORRELATION_ID, TRACE_ID).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(TraceWebFilter.CORRELATION_ID, TRACE_ID);
    }

    @Test
    void anEventCausedByARequestCarriesTheRequestsTrace() {
        client.post().uri("/items").contentType(MediaType.APPLICATION_JSON).header("traceparent", TRACEPARENT)
                .bodyValue(Map.of("name", "Bed", "quantity", 2))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.eventTraceparent").value(String.class, traceparent -> {
                    Traceparent event = Traceparent.parse(traceparent).orElseThrow();
                    assertThat(event.traceId()).isEqualTo(TRACE_ID);
                    assertThat(event.parentId()).as("a span of its own").isNotEqualTo("00f067aa0ba902b7");
                });
    }

    @Test
    void theReadinessProbeAsksTheDatabaseWithAPing() {
        WebTestClient health = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        health.get().uri("/actuator/health/readiness")
                .header("Authorization", "Bearer " + TestTokens.token(Role.REGISTRY_ADMIN, "registry-office"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongoPing.status").isEqualTo("UP");
        // anyone else (a probe, a load balancer, another role) learns whether it is up, not what is inside
        health.get().uri("/actuator/health/readiness")
                .header("Authorization", "Bearer " + TestTokens.token(Role.PRIMARY_DOCTOR, "a-centre"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        health.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components").doesNotExist();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(TraceWebFilter.CORRELATION_ID)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).as("errors of %s", problem).isNotNull();
        return errors.stream().map(error -> (String) error.get("field")).toList();
    }
}
