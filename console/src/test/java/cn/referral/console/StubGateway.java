package cn.referral.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gateway stand-in on a free loopback port, answering the few calls the console makes in these
 * tests (a development token, an empty worklist, a referral of another institution, and whatever a
 * test sets with {@link #answer(String, String, int, String)}, or no whole answer in time where it sets
 * {@link #fail(String, String, Failure)}) and recording what it received, so a test can see which token the console
 * called with.
 */
final class StubGateway implements AutoCloseable {

    /** A token with the platform's claims (unsigned: the console only reads the claims, the gateway checks). */
    static final String TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJuYS1zaGlqaW5nLWdwLTEiLCJyb2xlcyI6WyJQUklNQVJZX0RPQ1RPUiJdLCJpbnN0IjoibmEtc2hpamluZy10aGMifQ.sig";

    /** A call as the stand-in received it; {@code query} is null when the address had none. */
    record Call(String method, String path, String query, String authorization, String body) {
    }

    private record Answer(int status, String json) {
    }

    /** How a call the stand-in answers not at all, not in full or not in time fails. */
    enum Failure {
        /** No answer: the connection is closed before a status line is sent. */
        DROP,
        /**
         * No answer ever: the call is accepted and the connection stays open with no status line, until
         * {@link StubGateway#forgetAnswers()} or {@link StubGateway#close()} lets it go.
         */
        HANG,
        /**
         * A 200 whose body stops halfway: the status line, the headers (with the body's full length) and half the
         * body are sent, then nothing more, until {@link StubGateway#forgetAnswers()} or {@link StubGateway#close()}
         * lets it go.
         */
        STALL,
        /**
         * A 200 whose body is cut off: the status line, the headers (with the body's full length) and half the body
         * are sent, then the connection is closed.
         */
        CUT,
        /**
         * A 200 whose body comes slowly: the status line, the headers and half the body at once, then one byte every
         * {@link StubGateway#TRICKLE_PACE} (about ten seconds in all), until its end or until the console closes the
         * connection.
         */
        TRICKLE
    }

    /** What a stalled, cut or trickled call is answered with (an empty worklist), of which it sends half at once. */
    private static final byte[] SLOW_ANSWER = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"
            .getBytes(StandardCharsets.UTF_8);
    /** The wait before each byte of a trickled answer's second half: far shorter than any response timeout. */
    private static final Duration TRICKLE_PACE = Duration.ofMillis(500);

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final List<HttpExchange> hung = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

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

    /** From now on {@code method path} gets no whole answer in time, failing as {@code failure} says. */
    void fail(String method, String path, Failure failure) {
        failures.put(method + " " + path, failure);
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

    /**
     * A 422 problem+json as the platform writes one for a broken referral rule naming a field
     * ({@code SharedProblems.ruleViolated}): type {@code referral/<code>}, member {@code code}, the field and its
     * message in {@code errors} and in the detail.
     */
    static String ruleViolated(String code, String field, String message) {
        return """
                {"type":"https://referral.example/problems/referral/%1$s","title":"Referral rule violated","status":422,
                 "detail":"%2$s: %3$s","code":"%1$s","errors":[{"field":"%2$s","message":"%3$s"}]}""".formatted(code,
                field, message);
    }

    /** Back to the default answers; the connections left hanging are closed. */
    void forgetAnswers() {
        answers.clear();
        failures.clear();
        releaseHung();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer set = answers.get(exchange.getRequestMethod() + " " + path);
        Failure failure = failures.get(exchange.getRequestMethod() + " " + path);
        if (failure != null) {
            answerFailing(exchange, failure);
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

    private void answerFailing(HttpExchange exchange, Failure failure) throws IOException {
        switch (failure) {
            case HANG -> hung.add(exchange); // returns without an answer: the exchange stays open until it is released
            case DROP -> exchange.close(); // before sendResponseHeaders: the server closes the connection, no answer
            case STALL -> {
                sendHalf(exchange);
                hung.add(exchange); // the rest of the body never comes until the exchange is released
            }
            case CUT -> {
                sendHalf(exchange);
                exchange.close(); // with bytes of the declared length still owed: the server closes the connection
            }
            case TRICKLE -> {
                sendHalf(exchange);
                trickle(exchange, SLOW_ANSWER.length / 2);
            }
        }
    }

    /** A 200 declaring the length of {@link #SLOW_ANSWER}, and its first half, sent now. */
    private static void sendHalf(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, SLOW_ANSWER.length);
        exchange.getResponseBody().write(SLOW_ANSWER, 0, SLOW_ANSWER.length / 2);
        exchange.getResponseBody().flush();
    }

    /** Sends the byte of {@link #SLOW_ANSWER} at {@code next} after {@link #TRICKLE_PACE}, then the rest likewise. */
    private void trickle(HttpExchange exchange, int next) {
        pacer.schedule(() -> {
            try {
                exchange.getResponseBody().write(SLOW_ANSWER, next, 1);
                exchange.getResponseBody().flush();
                if (next + 1 < SLOW_ANSWER.length) {
                    trickle(exchange, next + 1);
                } else {
                    exchange.close();
                }
            } catch (IOException closedByTheConsole) {
                exchange.close();
            }
        }, TRICKLE_PACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void releaseHung() {
        hung.forEach(HttpExchange::close);
        hung.clear();
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        releaseHung();
        server.stop(0);
    }
}
