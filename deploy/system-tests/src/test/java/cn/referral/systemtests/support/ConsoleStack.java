package cn.referral.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import cn.referral.platform.testing.TestTokens;

/**
 * The web console as run-local starts it, in front of a running platform: the console's real jar
 * (local profile: development sign-in, sessions in the platform's MongoDB) and a gateway of its own
 * in the local profile, routing {@code /console/**} to it and {@code /api/**} to the platform's
 * services. That gateway issues development tokens with the key the services trust
 * ({@link TestTokens#signingKeyJwk()}), so a browser signs in exactly as on run-local.
 */
public final class ConsoleStack implements AutoCloseable {

    private final ServiceProcess console;
    private final ServiceProcess gateway;

    private ConsoleStack(ServiceProcess console, ServiceProcess gateway) {
        this.console = console;
        this.gateway = gateway;
    }

    public static ConsoleStack start(RunningPlatform platform, Infrastructure infrastructure) {
        int consolePort = Ports.free();
        int gatewayPort = Ports.free();
        Path dataDir = signingKeyDir();
        ServiceProcess console = ServiceProcess.start("console", Map.of(
                "SPRING_PROFILES_ACTIVE", "local",
                "GATEWAY_URL", "http://127.0.0.1:" + gatewayPort,
                "MONGODB_URI", infrastructure.mongoUri(),
                "MONGODB_DATABASE", "console"), consolePort);
        Map<String, String> gatewayEnvironment = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "local",
                "DATA_DIR", dataDir.toString(),
                "JWT_ISSUER", TestTokens.ISSUER,
                "JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation(),
                "RATE_LIMIT_BURST", "2000",
                "RATE_LIMIT_PER_SECOND", "1000",
                "CONSOLE_URL", "http://127.0.0.1:" + consolePort));
        for (String service : RunningPlatform.SERVICES) {
            String variable = service.substring(0, service.indexOf('-')).toUpperCase() + "_URL";
            gatewayEnvironment.put(variable, "http://127.0.0.1:" + platform.service(service).port());
        }
        ServiceProcess gateway = ServiceProcess.start("gateway", gatewayEnvironment, gatewayPort);
        try {
            console.awaitReady(ServiceProcess.readyTimeout(Duration.ofSeconds(120)));
            gateway.awaitReady(ServiceProcess.readyTimeout(Duration.ofSeconds(120)));
        } catch (RuntimeException e) {
            gateway.close();
            console.close();
            throw e;
        }
        return new ConsoleStack(console, gateway);
    }

    /** A console page as the browser reaches it: through the gateway. */
    public String url(String path) {
        return gateway.uri("/console" + path).toString();
    }

    public URI gatewayUri(String path) {
        return gateway.uri(path);
    }

    public ServiceProcess console() {
        return console;
    }

    private static Path signingKeyDir() {
        try {
            Path dataDir = Files.createTempDirectory("console-gateway");
            Path key = dataDir.resolve("gateway").resolve("dev-signing-key.jwk.json");
            Files.createDirectories(key.getParent());
            Files.writeString(key, TestTokens.signingKeyJwk());
            key.toFile().deleteOnExit();
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        console.close();
    }
}
