package cn.referral.systemtests.support;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** A real Kafka broker and a real MongoDB replica set in containers, for machines with Docker. */
public final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    public ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }

    @Override
    public void close() {
        mongo.stop();
        kafka.stop();
    }
}
