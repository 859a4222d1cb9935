package cn.referral.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

import cn.referral.devstack.Ports;

/**
 * One KRaft node started from the server.properties that {@code deploy/compose/kafka/broker.sh --print-config}
 * writes for kafka-1..3 (SASL/SCRAM-SHA-512 on every listener, the StandardAuthorizer, nothing allowed without an
 * ACL; only addresses, ports and replication changed for one node), formatted with the admin's SCRAM credential
 * as broker.sh does. The compose Kafka security on a real broker, for the tests of it in devstack
 * (KafkaAclTableIT) and in the platform (ScramAclServiceIT), through devstack's test-jar.
 */
public final class ComposeKafkaBroker implements AutoCloseable {

    /** {@code deploy/compose/kafka} of this repository: broker.sh, topics.txt, acls.txt. */
    public static final Path COMPOSE_KAFKA = repository().resolve("deploy/compose/kafka");
    /** The super user broker.sh configures ({@code super.users=User:admin}). */
    public static final String ADMIN = "admin";
    private static final String CLUSTER_ID = "eDpG4GQBRlS88AqAzJvyZA";

    private final Path home;
    private final String adminPassword;
    private final String bootstrap;
    private final Properties properties;
    private KafkaRaftServer server;

    private ComposeKafkaBroker(Path home, String adminPassword, String bootstrap, Properties properties) {
        this.home = home;
        this.adminPassword = adminPassword;
        this.bootstrap = bootstrap;
        this.properties = properties;
    }

    /**
     * broker.sh's configuration for one node on free ports of 127.0.0.1, its data in a new temporary directory
     * named {@code directoryPrefix…}; not started yet, so that a test can read {@link #properties()} first.
     */
    public static ComposeKafkaBroker configure(String directoryPrefix, String adminPassword) throws Exception {
        Path home = Files.createTempDirectory(directoryPrefix);
        int client = Ports.freePort();
        int controller = Ports.freePort();
        int broker = Ports.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODE_ID", "1");
        env.put("KAFKA_ADMIN_PASSWORD", adminPassword);
        env.put("QUORUM_VOTERS", "1@127.0.0.1:" + controller);
        env.put("ADVERTISED_HOST", "127.0.0.1");
        env.put("BIND_HOST", "127.0.0.1");
        env.put("CLIENT_PORT", String.valueOf(client));
        env.put("CONTROLLER_PORT", String.valueOf(controller));
        env.put("BROKER_PORT", String.valueOf(broker));
        env.put("LOG_DIRS", home.resolve("data").toString());
        env.put("REPLICATION_FACTOR", "1");
        env.put("MIN_ISR", "1");
        env.put("PARTITIONS", "1");
        Properties properties = printConfig(env);
        // one node: fewer internal partitions than Kafka's 50, so the test starts faster
        properties.setProperty("offsets.topic.num.partitions", "3");
        return new ComposeKafkaBroker(home, adminPassword, "127.0.0.1:" + client, properties);
    }

    /** The configuration broker.sh printed (the node's own properties set here once started). */
    public Properties properties() {
        return properties;
    }

    /**
     * Formats the log directory as broker.sh does (kafka-storage format --add-scram
     * 'SCRAM-SHA-512=[name=admin,password=…]'), starts the node and waits until it answers the admin.
     */
    public ComposeKafkaBroker start() throws Exception {
        format();
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        try (Admin admin = Admin.create(adminConfig())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!answers(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker at " + bootstrap + " did not answer within 60 s");
                }
            }
        }
        return this;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** A client's settings for this broker as {@code principal}: SASL_PLAINTEXT, SCRAM-SHA-512. */
    public Map<String, Object> clientConfig(String principal, String password) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(principal, password));
        return config;
    }

    /** {@link #clientConfig} of the super user. */
    public Map<String, Object> adminConfig() {
        return clientConfig(ADMIN, adminPassword);
    }

    /** The JAAS line of a SCRAM client, as compose gives it in {@code KAFKA_SASL_JAAS_CONFIG}. */
    public static String jaas(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private static Properties printConfig(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", COMPOSE_KAFKA.resolve("broker.sh").toString(),
                "--print-config");
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        Properties printed = new Properties();
        printed.load(new StringReader(out));
        return printed;
    }

    private void format() throws IOException {
        Path file = home.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "--cluster-id", CLUSTER_ID, "--config", file.toString(),
                    "--add-scram", "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + adminPassword + "]",
                    "--ignore-formatted"}, out);
        }
        assertThat(exit).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Whether the node is listed to the admin; after a refusal, a pause before the next attempt (polling). */
    private static boolean answers(Admin admin) throws InterruptedException {
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            Thread.sleep(200);
            return false;
        }
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/compose/kafka"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/compose/kafka not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
