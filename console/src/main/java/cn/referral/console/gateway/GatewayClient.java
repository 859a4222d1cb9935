package cn.referral.console.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import cn.referral.console.config.ConsoleProperties;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's only way to the platform: the gateway's public APIs, called with the signed-in
 * user's own token, so every service applies its own access rules to what the console shows. An
 * error answer becomes a {@link GatewayProblem}; so does a call that got no answer at all (none within
 * {@code console.gateway-response-timeout} included): the 503 of an {@link #outage}, which every page shows as
 * "try again later".
 */
@Component
public class GatewayClient {

    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient web;

    public GatewayClient(ConsoleProperties properties) {
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

    /** Sends the request and reads its answer; a call that got no answer at all fails as the {@link #outage}. */
    private static <T> Mono<T> exchange(WebClient.RequestHeadersSpec<?> request,
                                        Function<ClientResponse, Mono<T>> answer) {
        return request.exchangeToMono(answer).onErrorMap(GatewayClient::unreachable, GatewayClient::outage);
    }

    /**
     * The call got no answer at all: the connection was refused or dropped, the gateway's name did not resolve,
     * or it did not answer in time (Reactor Netty's response timeout, a {@code ReadTimeoutException} wrapped in a
     * {@link WebClientRequestException}). Only these transport failures, never a programming error.
     */
    private static boolean unreachable(Throwable error) {
        return error instanceof WebClientRequestException;
    }

    /**
     * An {@link #unreachable} call as the 503 the gateway answers with when it cannot reach a service, so the screen
     * says "try again later" ({@link GatewayProblem#outage()}); logged once, with the path but not its query.
     */
    private static GatewayProblem outage(Throwable error) {
        if (error instanceof WebClientRequestException request) {
            log.warn("The gateway did not answer {} {}: {}", request.getMethod(), request.getUri().getPath(),
                    String.valueOf(request.getMostSpecificCause()));
        } else {
            log.warn("The gateway did not answer in time: {}", error.getMessage());
        }
        return new GatewayProblem(503, null, "Gateway not reachable", null, Map.of());
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
                body.path("detail").asString(null), fields);
    }
}
