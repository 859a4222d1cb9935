package cn.referral.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB stand-in: mongo-java-server with its H2 MVStore backend on {@code <dataDir>/mongo/stand-in.mv}, so data
 * survives restarts. No transactions, TTL indexes, change streams; non-unique indexes are ignored.
 */
public final class MongoStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStandIn.class);

    private final Path file;
    private final String uri;
    private NarrowingH2Backend backend;
    private ScheduledExecutorService scanReports;
    private MongoServer server;

    private MongoStandIn(Path file, int port) {
        this.file = file;
        this.uri = "mongodb://127.0.0.1:" + port;
    }

    /** Opens the H2 file, binds 127.0.0.1:port and returns once a {@code ping} is answered. */
    public static MongoStandIn start(Path mongoHome, int port, Duration readyTimeout) {
        Ports.requireFree("MongoDB stand-in", port, "MONGO_PORT");
        Path home = mongoHome.toAbsolutePath().normalize();
        MongoStandIn standIn = new MongoStandIn(home.resolve("stand-in.mv"), port);
        try {
            Files.createDirectories(home);
            long started = System.nanoTime();
            standIn.backend = new NarrowingH2Backend(standIn.file.toString());
            standIn.server = new MongoServer(standIn.backend);
            standIn.server.bind("127.0.0.1", port);
            standIn.scanReports = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "stand-in-scan-report");
                thread.setDaemon(true);
                return thread;
            });
            standIn.scanReports.scheduleAtFixedRate(standIn.backend::reportScans, 1, 1, TimeUnit.MINUTES);
            standIn.awaitReady(readyTimeout);
            LOG.info("MongoDB stand-in ready on 127.0.0.1:{} (data: {}) in {} ms", port, standIn.file,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return standIn;
        } catch (IOException e) {
            standIn.close();
            throw new IllegalStateException("Cannot create " + home + ": " + e, e);
        } catch (RuntimeException | Error e) {
            standIn.close();
            throw e;
        }
    }

    public String uri() {
        return uri;
    }

    public Path file() {
        return file;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                ping(uri, Duration.ofSeconds(3));
                return;
            } catch (RuntimeException e) {
                last = e;
            }
            Waits.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("MongoDB stand-in on " + uri + " not ready within " + timeout, last);
    }

    /** Runs {@code {ping: 1}} against the given connection string; throws if it is not answered with ok. */
    static void ping(String connectionString, Duration timeout) {
        int millis = (int) timeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout(millis, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
            Object ok = answer.get("ok");
            if (!(ok instanceof Number n) || n.doubleValue() != 1.0) {
                throw new IllegalStateException("ping answered " + answer.toJson());
            }
        }
    }

    /** Stops listening and closes the H2 store, so everything is on disk. Idempotent. */
    @Override
    public synchronized void close() {
        if (scanReports != null) {
            scanReports.shutdownNow();
            scanReports = null;
        }
        if (server != null) {
            LOG.info("Stopping MongoDB stand-in on {}", uri);
            try {
                server.shutdownNow();
            } catch (RuntimeException e) {
                LOG.warn("MongoDB stand-in shutdown failed: {}", e.toString(), e);
            }
            server = null;
        }
        if (backend != null) {
            try {
                if (!backend.getMvStore().isClosed()) {
                    backend.close();
                }
                LOG.info("MongoDB stand-in stopped, {} flushed", file);
            } catch (RuntimeException e) {
                LOG.warn("Closing {} failed: {}", file, e.toString(), e);
            }
            backend = null;
        }
    }
}
