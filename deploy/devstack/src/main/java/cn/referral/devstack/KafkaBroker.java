package cn.referral.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) from the {@code kafka_2.13} jars, with
 * its data under {@code <dataDir>/kafka}. The storage is formatted on first start only, with a cluster id that is
 * generated once and kept in {@code <dataDir>/kafka/cluster.id}.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path home;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private KafkaBroker(Path home, String bootstrapServers) {
        this.home = home;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the storage if needed, starts the broker and returns once an AdminClient sees it. */
    public static KafkaBroker start(Path kafkaHome, int port, int controllerPort, Duration readyTimeout) {
        Ports.requireFree("Kafka", port, "KAFKA_PORT");
        Ports.requireFree("Kafka controller", controllerPort, "KAFKA_CONTROLLER_PORT");
        KafkaBroker broker = new KafkaBroker(kafkaHome.toAbsolutePath().normalize(), "127.0.0.1:" + port);
        try {
            broker.doStart(port, controllerPort, readyTimeout);
            return broker;
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path home() {
        return home;
    }

    private void doStart(int port, int controllerPort, Duration readyTimeout) {
        Path logDir = home.resolve("data");
        Path propertiesFile = home.resolve("server.properties");
        Properties props = serverProperties(logDir, port, controllerPort);
        try {
            Files.createDirectories(logDir);
            try (Writer out = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                props.store(out, "Written by devstack on every start; edit DevStack/KafkaBroker instead");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare Kafka data dir " + home + ": " + e, e);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(propertiesFile, clusterId());
        }
        long started = System.nanoTime();
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(readyTimeout);
        LOG.info("Kafka broker ready on {} (data: {}, Kafka {}) in {} ms", bootstrapServers, home,
                AppInfoParser.getVersion(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "10");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.retention.hours", "168");
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private String clusterId() {
        Path file = home.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write " + file + ": " + e, e);
        }
    }

    /** Same as {@code kafka-storage.sh format -t <id> -c server.properties} (static quorum: no --standalone). */
    private void format(Path propertiesFile, String clusterId) {
        LOG.info("Formatting Kafka storage in {} (cluster id {})", home, clusterId);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                    "format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--ignore-formatted"},
                    out);
        }
        String output = buffer.toString(StandardCharsets.UTF_8).trim();
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed (exit " + exit + "): " + output);
        }
        if (!output.isEmpty()) {
            LOG.info("{}", output);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            while (System.nanoTime() < deadline) {
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(6, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    last = e;
                }
                Waits.pause(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers + " not ready within " + timeout, last);
    }

    /** Stops the broker (controlled shutdown) and waits for it. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        LOG.info("Stopping Kafka broker on {}", bootstrapServers);
        try {
            s.shutdown();
            s.awaitShutdown();
            LOG.info("Kafka broker stopped");
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker shutdown failed: {}", e.toString(), e);
        }
    }
}
