package cn.referral.platform.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one switch for what the integration tests run on: {@code ./mvnw -B verify -Dit.infrastructure=containers}
 * (a Maven user property; surefire and failsafe hand it to the test JVM as a system property) gives every
 * {@link MongoStandIn} a fresh MongoDB replica set and every {@link ServiceIntegrationTest} context a Kafka
 * broker, each in its own Testcontainers container. Without it (or {@code =stand-in}, the default) they
 * meet the in-memory Mongo stand-in and the embedded Kafka broker, as before. Containers need Docker.
 * <p>
 * The stand-in serialises every operation on a collection, so real write contention (two writers racing
 * for one document, a unique index racing an upsert, a write conflict) never happens on it: a test that
 * claims anything about concurrency proves it only when run with the switch.
 */
public final class ItInfrastructure {

    public static final String SWITCH = "it.infrastructure";
    public static final String CONTAINERS = "containers";
    /** The images the walking skeleton's {@code ContainerInfrastructure} uses too. */
    static final String MONGO_IMAGE = "mongo:8.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private ItInfrastructure() {
    }

    public static boolean containers() {
        return CONTAINERS.equals(System.getProperty(SWITCH, "stand-in").strip());
    }

    /** A started infrastructure piece: where to reach it, and how to stop it. */
    record Started(String address, AutoCloseable stop) {
    }

    /** A single-node MongoDB replica set (transactions, real write conflicts); its connection string. */
    static Started mongo() {
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        mongo.start();
        return new Started(mongo.getConnectionString(), mongo::stop);
    }

    /** A Kafka broker (KRaft); its bootstrap servers. */
    static Started kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return new Started(kafka.getBootstrapServers(), kafka::stop);
    }
}
