package cn.referral.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@link DevStack#main} starts, read from system properties or environment variables of the same name
 * (a system property wins): {@code DATA_DIR} (default {@code ./.local-data}), {@code KAFKA_PORT} (9092),
 * {@code KAFKA_CONTROLLER_PORT} (9093), {@code MONGO_PORT} (27017). A non-blank {@code KAFKA_BOOTSTRAP_SERVERS} or
 * {@code MONGODB_URI} means a real one is in use and that part is not started.
 *
 * @param dataDir        root of all local data; Kafka under {@code kafka/}, the stand-in under {@code mongo/}
 * @param kafkaPort      the broker's PLAINTEXT port on 127.0.0.1
 * @param controllerPort the KRaft controller's port on 127.0.0.1
 * @param mongoPort      the MongoDB stand-in's port on 127.0.0.1
 * @param externalKafka  bootstrap servers of a real Kafka, or {@code null} to start the local broker
 * @param externalMongo  connection string of a real MongoDB, or {@code null} to start the stand-in
 */
public record DevStackSettings(Path dataDir, int kafkaPort, int controllerPort, int mongoPort,
                               String externalKafka, String externalMongo) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MONGO_PORT = 27017;

    public DevStackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        externalKafka = blankToNull(externalKafka);
        externalMongo = blankToNull(externalMongo);
        checkPort("KAFKA_PORT", kafkaPort);
        checkPort("KAFKA_CONTROLLER_PORT", controllerPort);
        checkPort("MONGO_PORT", mongoPort);
        if (kafkaPort == controllerPort) {
            throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ: " + kafkaPort);
        }
    }

    /** Both parts started locally. */
    public static DevStackSettings local(Path dataDir, int kafkaPort, int controllerPort, int mongoPort) {
        return new DevStackSettings(dataDir, kafkaPort, controllerPort, mongoPort, null, null);
    }

    /** From the process's system properties and environment. */
    public static DevStackSettings fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    /** From the given variables (for tests). */
    public static DevStackSettings from(Map<String, String> variables) {
        return from(variables::get);
    }

    private static DevStackSettings from(Function<String, String> lookup) {
        String dataDir = blankToNull(lookup.apply("DATA_DIR"));
        return new DevStackSettings(
                Path.of(dataDir != null ? dataDir : ".local-data"),
                port(lookup, "KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(lookup, "KAFKA_CONTROLLER_PORT", DEFAULT_CONTROLLER_PORT),
                port(lookup, "MONGO_PORT", DEFAULT_MONGO_PORT),
                lookup.apply("KAFKA_BOOTSTRAP_SERVERS"),
                lookup.apply("MONGODB_URI"));
    }

    public boolean startsKafka() {
        return externalKafka == null;
    }

    public boolean startsMongo() {
        return externalMongo == null;
    }

    private static int port(Function<String, String> lookup, String name, int defaultPort) {
        String value = blankToNull(lookup.apply(name));
        if (value == null) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: '" + value + "'");
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
