package cn.referral.systemtests.support;

/** Where the system under test finds Kafka and MongoDB. */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    String mongoUri();

    @Override
    void close();

    /** Kafka and MongoDB started elsewhere, at these addresses; {@code stop} stops them. */
    record Started(String kafkaBootstrapServers, String mongoUri, Runnable stop) implements Infrastructure {

        @Override
        public void close() {
            stop.run();
        }
    }
}
