package cn.referral.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A caller of the platform's HTTP API with one bearer token: what a client application does. */
public final class Api {

    /** HTTP/1.1, as the services speak (the JDK client's default, HTTP/2, tries an h2c upgrade on every new connection). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess target;
    private final String token;

    public Api(ServiceProcess target, String token) {
        this.target = target;
        this.token = token;
    }

    /** A caller without any token, as a client that has not signed in. */
    public static Api anonymous(ServiceProcess target) {
        return new Api(target, null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /**
     * The version ({@code ETag}) of what is at {@code path}, read as the caller past the rate limit (it must answer
     * 200).
     */
    public String etag(String path) {
        Response response = sendPastTheRateLimit("GET", path, null, null, null);
        response.expect(200);
        return response.header("ETag");
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A state change guarded by the version the caller last saw. */
    public Response post(String path, String json, String ifMatch) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postWithKey(String path, String json, String idempotencyKey) {
        return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Any method, with a JSON body and {@code If-Match} when not null: for tests that hold the
     * request as data (e.g. an access matrix).
     */
    public Response send(String method, String path, String json, String ifMatch) {
        return send(method, path, json == null ? null : "application/json", json, ifMatch);
    }

    /**
     * Any method with any body of any {@code Content-Type} (no body when null) and {@code If-Match} when not null:
     * for tests that send what a client gets wrong.
     */
    public Response send(String method, String path, String contentType, String body, String ifMatch) {
        HttpRequest.Builder builder = request(path);
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * {@link #send(String, String, String, String, String)}, asked again a second later while the gateway's rate limit
     * (per caller) answers 429, up to 30 times: for tests that make many calls as one caller, to which the limit is
     * not the answer they test.
     */
    public Response sendPastTheRateLimit(String method, String path, String contentType, String body, String ifMatch) {
        for (int attempt = 0; ; attempt++) {
            Response response = send(method, path, contentType, body, ifMatch);
            if (response.status() != 429 || attempt == 30) {
                return response;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A JSON {@code POST}, past the rate limit ({@link #sendPastTheRateLimit}). */
    public Response postPastTheRateLimit(String path, String json) {
        return sendPastTheRateLimit("POST", path, "application/json", json, null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.uri(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri().getPath(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(String call, HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The body, failing with the call and the answer when the status is not the expected one. */
        public JsonNode expect(int status) {
            if (raw.statusCode() != status) {
                throw new AssertionError(call + " answered " + raw.statusCode() + ", expected " + status + ": "
                        + raw.body());
            }
            return raw.body().isEmpty() ? JSON.createObjectNode() : json();
        }
    }
}
