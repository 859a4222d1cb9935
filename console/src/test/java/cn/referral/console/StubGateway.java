package cn.referral.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gateway stand-in on a free loopback port, answering the few calls the console makes in these
 * tests (a development token, an empty worklist, a referral of another institution, and whatever a
 * test sets with {@link #answer(String, String, int, String)}, a dropped connection where it sets
 * {@link #drop(String, String)}, or no answer ever where it sets {@link #hang(String, String)}) and recording what it
 * received, so a test can see which token the console called with.
 */
final class StubGateway implements AutoCloseable {

    /** A token with the platform's claims (unsigned: the console only reads the claims, the gateway checks). */
    static final String TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJuYS1zaGlqaW5nLWdwLTEiLCJyb2xlcyI6WyJQUklNQVJZX0RPQ1RPUiJdLCJpbnN0IjoibmEtc2hpamluZy10aGMifQ.sig";

    record Call(String method, String path, String authorization, String body) {
    }

    private record Answer(int status, String json) {
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final List<HttpExchange> hung = new CopyOnWriteArrayList<>();

    StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** From now on {@code method path} is answered with this status and JSON (problem+json when not 2xx). */
    void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, json));
    }

    /** From now on {@code method path} gets no answer: the connection is closed before a status line is sent. */
    void drop(String method, String path) {
        dropped.add(method + " " + path);
    }

    /**
     * From now on {@code method path} is accepted and never answered: the connection stays open with no status line,
     * until {@link #forgetAnswers()} or {@link #close()} lets it go.
     */
    void hang(String method, String path) {
        hanging.add(method + " " + path);
    }

    /**
     * A 400 problem+json as the platform writes one for a request value of the wrong shape
     * ({@code ProblemException.invalidField}): the field and its message, in {@code errors} and in the detail.
     */
    static String invalidField(String field, String message) {
        return """
                {"type":"https://referral.example/problems/validation","title":"Invalid request","status":400,
                 "detail":"%1$s: %2$s","errors":[{"field":"%1$s","message":"%2$s"}]}""".formatted(field, message);
    }

    /** Back to the default answers; the connections left hanging are closed. */
    void forgetAnswers() {
        answers.clear();
        dropped.clear();
        hanging.clear();
        releaseHung();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer set = answers.get(exchange.getRequestMethod() + " " + path);
        if (hanging.contains(exchange.getRequestMethod() + " " + path)) {
            hung.add(exchange); // returns without an answer: the exchange stays open until it is released
        } else if (dropped.contains(exchange.getRequestMethod() + " " + path)) {
            exchange.close(); // before sendResponseHeaders: the server closes the connection without an answer
        } else if (set != null) {
            answer(exchange, set.status(), set.status() < 300 ? "application/json" : "application/problem+json",
                    set.json());
        } else if (path.equals("/auth/dev-token")) {
            answer(exchange, 200, "application/json",
                    "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":28800}");
        } else if (path.startsWith("/api/worklists/")) {
            answer(exchange, 200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        } else {
            answer(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://referral.example/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                            + "\"detail\":\"No referral " + path + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void releaseHung() {
        hung.forEach(HttpExchange::close);
        hung.clear();
    }

    @Override
    public void close() {
        releaseHung();
        server.stop(0);
    }
}
