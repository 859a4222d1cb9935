package cn.referral.console.gateway;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import cn.referral.console.config.ConsoleProperties;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's only way to the platform: the gateway's public APIs, called with the signed-in
 * user's own token, so every service applies its own access rules to what the console shows. An
 * error answer becomes a {@link GatewayProblem}; so does a call that got no answer at all (none within
 * {@code console.gateway-response-timeout} included) or an answer that broke off before its body's end (nor the
 * whole body within that timeout after the status line): the 503 of an {@link #outage}, which every page shows as
 * "try again later".
 */
@Component
public class GatewayClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient web;
    /** How long a call waits for the status line and headers, and then again for the whole body. */
    private final Duration responseTimeout;

    public GatewayClient(ConsoleProperties properties) {
        this.responseTimeout = properties.gatewayResponseTimeout();
        this.web = WebClient.builder().baseUrl(properties.gatewayUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(
                        HttpClient.create().responseTimeout(properties.gatewayResponseTimeout())))
                .build();
    }

    /** A JSON answer with its ETag (the version a later If-Match names). */
    public record Versioned(JsonNode body, String etag) {
    }

    /** JSON as plain maps and lists, which templates read with ordinary property expressions. */
    public static Object plain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    public Mono<JsonNode> get(String token, String path, Object... uriVariables) {
        return getVersioned(token, path, uriVariables).map(Versioned::body);
    }

    public Mono<Versioned> getVersioned(String token, String path, Object... uriVariables) {
        return exchange(web.get().uri(path, uriVariables)
                .headers(headers -> headers.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON), GatewayClient::versioned);
    }

    /** A text answer (e.g. the settlement CSV). */
    public Mono<String> text(String token, String path, Object... uriVariables) {
        return exchange(web.get().uri(path, uriVariables).headers(headers -> headers.setBearerAuth(token)),
                response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(String.class).defaultIfEmpty("")
                        : problem(response));
    }

    /**
     * A POST with a JSON body; {@code ifMatch} (the ETag read before) and {@code idempotencyKey} are
     * sent when not null.
     */
    public Mono<Versioned> post(String token, String path, Object body, String ifMatch, String idempotencyKey,
                                Object... uriVariables) {
        return exchange(web.post().uri(path, uriVariables)
                .headers(headers -> {
                    if (token != null) {
                        headers.setBearerAuth(token);
                    }
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body)), GatewayClient::versioned);
    }

    /**
     * Sends the request and reads its answer, whose body must be read in full within the response timeout after its
     * status line; a call that got no answer at all, or an answer that {@link #brokeOff}, fails as the
     * {@link #outage}.
     */
    private <T> Mono<T> exchange(WebClient.RequestHeadersSpec<?> request, Function<ClientResponse, Mono<T>> answer) {
        return request.exchangeToMono(response -> answer.apply(response).timeout(responseTimeout)
                        .onErrorMap(GatewayClient::brokeOff, error -> outage(
                                "The gateway's answer to {} {} broke off: {}", response.request().getMethod(),
                                response.request().getURI(), howItBrokeOff(error))))
                .onErrorMap(WebClientRequestException.class, error -> outage("The gateway did not answer {} {}: {}",
                        error.getMethod(), error.getUri(), error.getMostSpecificCause()));
    }

    /**
     * The answer's body stopped before its end: the gateway closed the connection (Reactor Netty's
     * {@code PrematureCloseException}, an {@link IOException}), or no more of it came within the response timeout
     * (Reactor Netty's {@link ReadTimeoutException}), or not all of it within that timeout after the status line
     * (the {@link TimeoutException} of {@link #exchange}). Only these transport failures, never an error answer or a
     * programming error. (A call that got no answer at all fails as a {@link WebClientRequestException}: the
     * connection refused or dropped, the gateway's name not resolved, or no status line within the response timeout.)
     */
    private static boolean brokeOff(Throwable error) {
        return error instanceof IOException || error instanceof ReadTimeoutException
                || error instanceof TimeoutException;
    }

    /**
     * How an answer {@link #brokeOff}, in a few words with the timeout where one ran out (Reactor's own message for
     * the body's timeout runs to a sentence about operators, without the call it was).
     */
    private String howItBrokeOff(Throwable error) {
        if (error instanceof TimeoutException) {
            return "its body was not complete within " + responseTimeout.toMillis() + " ms";
        }
        if (error instanceof ReadTimeoutException) {
            return "no more of its body came within " + responseTimeout.toMillis() + " ms";
        }
        return "the connection closed before its body's end";
    }

    /**
     * A call that got no answer or an answer that {@link #brokeOff} as the 503 the gateway answers with when it cannot
     * reach a service, so the screen says "try again later" ({@link GatewayProblem#outage()}); logged once, with the
     * path but not its query.
     */
    private static GatewayProblem outage(String warning, HttpMethod method, URI uri, Object cause) {
        log.warn(warning, method, uri.getPath(), String.valueOf(cause));
        return new GatewayProblem(503, null, "Gateway not reachable", null, null, Map.of());
    }

    private static Mono<Versioned> versioned(ClientResponse response) {
        if (!response.statusCode().is2xxSuccessful()) {
            return problem(response);
        }
        String etag = response.headers().asHttpHeaders().getETag();
        return response.bodyToMono(String.class)
                .map(text -> new Versioned(JSON.readTree(text), etag))
                .defaultIfEmpty(new Versioned(JSON.createObjectNode(), etag));
    }

    private static <T> Mono<T> problem(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(text -> Mono.error(toProblem(status, text)));
    }

    static GatewayProblem toProblem(int status, String text) {
        JsonNode body;
        try {
            body = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (RuntimeException notJson) {
            body = JSON.createObjectNode();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode errors = body.path("errors");
        if (errors.isArray()) {
            errors.forEach(error -> fields.merge(error.path("field").asString(""), error.path("message").asString(""),
                    (a, b) -> a + "；" + b));
        }
        return new GatewayProblem(status, body.path("type").asString(null), body.path("title").asString(null),
                body.path("code").asString(null), body.path("detail").asString(null), fields);
    }
}
