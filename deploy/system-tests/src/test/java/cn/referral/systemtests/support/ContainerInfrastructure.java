package cn.referral.systemtests.support;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** A real Kafka broker and a real MongoDB replica set in containers, for machines with Docker. */
public final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    public static Infrastructure start() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new Infrastructure.Started(kafka.getBootstrapServers(), mongo.getReplicaSetUrl(), () -> {
            mongo.stop();
            kafka.stop();
        });
    }
}
