package cn.referral.systemtests.support;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import cn.referral.platform.testing.MongoStandIn;

/** A KRaft Kafka broker and the MongoDB stand-in inside the test JVM: what runs without Docker. */
public final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    public static Infrastructure start() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        MongoStandIn mongo = MongoStandIn.start();
        return new Infrastructure.Started(kafka.getBrokersAsString(), mongo.uri(), () -> {
            mongo.close();
            kafka.destroy();
        });
    }
}
