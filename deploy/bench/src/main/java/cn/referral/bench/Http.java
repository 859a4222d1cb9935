package cn.referral.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JDK HTTP client, HTTP/1.1 with keep-alive, as a client application calls the platform. */
final class Http implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "bench-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();

    /** An answer, or a transport error as status 0 with the error's text as body. */
    record Answer(int status, String body, String etag, double millis, long receivedAtMillis) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static HttpRequest get(String url, String token) {
        return request(url, token).GET().build();
    }

    static HttpRequest post(String url, String token, String json, String ifMatch) {
        HttpRequest.Builder builder = request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return builder.build();
    }

    Answer send(HttpRequest request) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return answer(response, began);
        } catch (IOException e) {
            return new Answer(0, e.toString(), null, (System.nanoTime() - began) / 1e6, System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString(), null, (System.nanoTime() - began) / 1e6, System.currentTimeMillis());
        }
    }

    CompletableFuture<Answer> sendAsync(HttpRequest request) {
        long began = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer(response, began))
                .exceptionally(e -> new Answer(0, e.toString(), null, (System.nanoTime() - began) / 1e6,
                        System.currentTimeMillis()));
    }

    private static Answer answer(HttpResponse<String> response, long began) {
        double millis = (System.nanoTime() - began) / 1e6;
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null),
                millis, System.currentTimeMillis());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
