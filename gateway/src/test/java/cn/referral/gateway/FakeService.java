package cn.referral.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import cn.referral.platform.testing.TestTokens;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in downstream service that records what reached it and answers 200, after a delay if asked. Held in a
 * test class's static {@code @RegisterExtension} field, it stops after that class's tests.
 */
final class FakeService implements AutoCloseable, AfterAllCallback {

    record Received(String method, String path, HttpHeaders headers) {
    }

    private final DisposableServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeService() {
        this(Duration.ZERO);
    }

    /** Answers each request after {@code delay} (without holding a thread), so concurrent calls overlap. */
    FakeService(Duration delay) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    received.add(new Received(request.method().name(), request.uri(), request.requestHeaders().copy()));
                    return response.header("Content-Type", "application/json")
                            .sendString(Mono.delay(delay).thenReturn("{\"path\":\"" + request.uri() + "\"}"));
                })
                .bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Received> received() {
        return received;
    }

    /** A port nothing listens on: a service that is down. */
    static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Routes the gateway under test to stand-ins: registry-service and referral-service to these two, quota and
     * billing down; tokens checked against the test key.
     */
    static void route(DynamicPropertyRegistry registry, FakeService registryService, FakeService referralService) {
        registry.add("platform.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("REGISTRY_URL", registryService::url);
        registry.add("REFERRAL_URL", referralService::url);
        registry.add("QUOTA_URL", FakeService::deadUrl);
        registry.add("BILLING_URL", FakeService::deadUrl);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
