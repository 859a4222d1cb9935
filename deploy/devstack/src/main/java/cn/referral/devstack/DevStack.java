package cn.referral.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local infrastructure in one JVM: a single-node KRaft Kafka broker and the MongoDB stand-in, each with its data
 * under one data directory so it survives restarts.
 *
 * <p>As a program ({@code java -jar devstack.jar}) it reads {@link DevStackSettings#fromEnvironment()}, skips the
 * part whose {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} is set, prints {@code devstack ready} once both
 * answer and runs until SIGTERM/SIGINT. From tests:
 *
 * <pre>{@code
 * try (DevStack stack = DevStack.start(tempDir, Ports.freePort(), Ports.freePort(), Ports.freePort())) {
 *     stack.bootstrapServers(); stack.mongoUri();
 * }
 * }</pre>
 */
public final class DevStack implements AutoCloseable {

    static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration MONGO_READY_TIMEOUT = Duration.ofSeconds(30);

    private final DevStackSettings settings;
    private KafkaBroker kafka;
    private MongoStandIn mongo;
    private boolean closed;

    private DevStack(DevStackSettings settings) {
        this.settings = settings;
    }

    /** Starts a Kafka broker and a MongoDB stand-in on 127.0.0.1 with their data under {@code dataDir}. */
    public static DevStack start(Path dataDir, int kafkaPort, int controllerPort, int mongoPort) {
        return start(DevStackSettings.local(dataDir, kafkaPort, controllerPort, mongoPort));
    }

    /** Starts what the settings ask for; on failure, stops what was started and throws. */
    public static DevStack start(DevStackSettings settings) {
        DevStack stack = new DevStack(settings);
        stack.startParts();
        return stack;
    }

    private synchronized void startParts() {
        Logger log = LoggerFactory.getLogger(DevStack.class);
        if (closed) {
            throw new IllegalStateException("devstack already closed");
        }
        // Refuse at once, before anything starts, when a port is taken.
        if (settings.startsKafka()) {
            Ports.requireFree("Kafka", settings.kafkaPort(), "KAFKA_PORT");
            Ports.requireFree("Kafka controller", settings.controllerPort(), "KAFKA_CONTROLLER_PORT");
        }
        if (settings.startsMongo()) {
            Ports.requireFree("MongoDB stand-in", settings.mongoPort(), "MONGO_PORT");
        }
        try {
            if (settings.startsKafka()) {
                log.info("Starting Kafka broker (KRaft, broker+controller) on 127.0.0.1:{}, controller 127.0.0.1:{}",
                        settings.kafkaPort(), settings.controllerPort());
                kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                        settings.controllerPort(), KAFKA_READY_TIMEOUT);
            } else {
                log.info("Kafka: KAFKA_BOOTSTRAP_SERVERS={} is set, not starting a local broker",
                        settings.externalKafka());
            }
            if (settings.startsMongo()) {
                log.info("Starting MongoDB stand-in (mongo-java-server, H2 file backend) on 127.0.0.1:{}",
                        settings.mongoPort());
                mongo = MongoStandIn.start(settings.dataDir().resolve("mongo"), settings.mongoPort(),
                        MONGO_READY_TIMEOUT);
            } else {
                log.info("MongoDB: MONGODB_URI is set, not starting the stand-in");
            }
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The local broker's {@code 127.0.0.1:port}, or the external {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public String bootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : settings.externalKafka();
    }

    /** The stand-in's {@code mongodb://127.0.0.1:port}, or the external {@code MONGODB_URI}. */
    public String mongoUri() {
        return mongo != null ? mongo.uri() : settings.externalMongo();
    }

    public DevStackSettings settings() {
        return settings;
    }

    /** Stops the broker, then closes the stand-in (flushing its H2 file). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "devstack-logback.xml");
        }
        Logger log = LoggerFactory.getLogger(DevStack.class);
        DevStackSettings settings;
        try {
            settings = DevStackSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            log.error("devstack: {}", e.getMessage());
            System.exit(2);
            return;
        }
        if (!settings.startsKafka() && !settings.startsMongo()) {
            log.info("devstack: KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI are both set, nothing to start");
            return;
        }
        log.info("devstack starting (data dir {})", settings.dataDir());
        long started = System.nanoTime();
        DevStack stack = new DevStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("devstack stopping");
            stack.close();
            log.info("devstack stopped");
            stopped.countDown();
        }, "devstack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.startParts();
        } catch (Ports.PortInUseException e) {
            log.error("devstack cannot start: {}", e.getMessage());
            System.exit(3);
        } catch (RuntimeException | Error e) {
            log.error("devstack failed to start: {}", e.toString(), e);
            System.exit(1);
        }
        log.info("devstack ready in {} ms: KAFKA_BOOTSTRAP_SERVERS={} MONGODB_URI={}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), stack.bootstrapServers(),
                stack.mongoUri());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
