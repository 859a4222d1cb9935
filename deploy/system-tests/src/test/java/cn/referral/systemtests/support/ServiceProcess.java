package cn.referral.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM from its real jar, the way {@code deploy/run-local} and
 * production start it. Its output goes to {@code target/service-logs/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code <module>/target/<module>-<version>.jar} on a free port with the given environment. */
    public static ServiceProcess start(String module, Map<String, String> environment) {
        return start(module, environment, Ports.free());
    }

    /** The same on a given port: a restarted service comes back where its callers know it. */
    public static ServiceProcess start(String module, Map<String, String> environment, int port) {
        Path root = Path.of(System.getProperty("services.root", "../.."));
        Path jar = root.resolve(module).resolve("target")
                .resolve(module + "-" + System.getProperty("services.version", "0.1.0-SNAPSHOT") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar at " + jar.toAbsolutePath() + ": build the services first");
        }
        Path logs = Path.of(System.getProperty("services.logs", "target/service-logs"));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(module + "-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx320m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            int managementPort = Ports.free();
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            // the log format run-local writes (ECS JSON lines): the leak scan reads what operators keep
            builder.environment().put("LOG_FORMAT", "ecs");
            return new ServiceProcess(module, port, managementPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + module, e);
        }
    }

    /**
     * How long a service may take to become ready: {@code fallback}, or longer when the machine is
     * known to be slow ({@code -Dservices.ready-seconds=}, e.g. on a shared 2-core machine under load).
     */
    public static Duration readyTimeout(Duration fallback) {
        long configured = Long.getLong("services.ready-seconds", 0);
        return configured > fallback.toSeconds() ? Duration.ofSeconds(configured) : fallback;
    }

    /** Waits until the readiness probe answers 200; fails with the log's tail if it does not in time. */
    public ServiceProcess awaitReady(Duration timeout) {
        return awaitReady(timeout, managementUri("/actuator/health/readiness"));
    }

    private ServiceProcess awaitReady(Duration timeout, URI probeUri) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(probeUri).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "\n" + logTail());
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The management port (health, metrics): apart from the API port, and never routed by the gateway. */
    public int managementPort() {
        return managementPort;
    }

    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops it as an operator would (SIGTERM, graceful shutdown), killing it only if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills it as a crash would: SIGKILL, no shutdown hook, no graceful anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }


    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
