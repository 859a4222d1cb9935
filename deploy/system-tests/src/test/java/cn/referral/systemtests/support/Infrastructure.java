package cn.referral.systemtests.support;

/** Where the system under test finds Kafka and MongoDB. */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    String mongoUri();

    @Override
    void close();
}
