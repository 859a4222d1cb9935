package cn.referral.billing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What billing's service tests share: the service's API and database, and the other services' events sent
 * to its broker and its decisions read back ({@link Events}, opened before each test and closed after it).
 */
abstract class BillingItSupport {

    /** The broker the service uses: embedded, or a container with -Dit.infrastructure=containers. */
    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;
    @Autowired
    protected WebTestClient web;
    @Autowired
    protected ReactiveMongoTemplate mongo;

    protected Events events;

    @BeforeEach
    void openEvents() {
        events = new Events(brokers);
    }

    @AfterEach
    void closeEvents() {
        events.close();
    }
}
