package cn.referral.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.referral.devstack.KafkaBroker;
import cn.referral.devstack.MongoStandIn;

/**
 * The same infrastructure as {@code deploy/run-local}: a real KRaft broker and the MongoDB
 * stand-in with its H2 file, both keeping their data in a folder, so either can be restarted
 * in the middle of a scenario.
 */
public final class DevStackInfrastructure implements Infrastructure {

    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int kafkaPort;
    private final int controllerPort;
    private KafkaBroker kafka;
    private final MongoStandIn mongo;

    public DevStackInfrastructure() {
        try {
            dataDir = Files.createTempDirectory("system-test-devstack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafkaPort = Ports.free();
        controllerPort = Ports.free();
        kafka = KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, READY);
        mongo = MongoStandIn.start(dataDir.resolve("mongo"), Ports.free(), READY);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.uri();
    }

    /** Stops the broker and starts it again on the same port and log dirs, as an operator's restart would. */
    public void restartKafka() {
        kafka.close();
        kafka = KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort, READY);
    }

    @Override
    public void close() {
        kafka.close();
        mongo.close();
    }
}
