package cn.referral.systemtests.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import cn.referral.platform.testing.MongoStandIn;

/** A KRaft Kafka broker and the MongoDB stand-in inside the test JVM: what runs without Docker. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoStandIn mongo;

    public EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        mongo = MongoStandIn.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongo.uri();
    }

    @Override
    public void close() {
        mongo.close();
        kafka.destroy();
    }
}
