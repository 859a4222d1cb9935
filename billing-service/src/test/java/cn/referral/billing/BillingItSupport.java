package cn.referral.billing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.referral.billing.Events.Published;
import cn.referral.platform.security.Role;
import cn.referral.platform.testing.TestTokens;

/**
 * What billing's service tests share: the service's API and database, and the other services' events sent
 * to its broker and its decisions read back ({@link Events}, opened before each test and closed after it).
 */
abstract class BillingItSupport {

    /** How long a test waits for the service to consume, store and publish: a shared build machine is slow. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String AUDITOR = TestTokens.token(Role.AUDITOR, null);

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

    /** The deductible decision records published for {@code referral}, once there are {@code count} of them. */
    protected List<Published> awaitPublished(String referral, int count) {
        return await().atMost(WAIT).until(() -> events.publishedFor(referral), published -> published.size() >= count);
    }

    /** The 转院备案 (2501 / 2502) records published for {@code referral}, once there are {@code count} of them. */
    protected List<Published> awaitFilings(String referral, int count) {
        return await().atMost(WAIT).until(() -> events.filingsFor(referral), published -> published.size() >= count);
    }

    /** The referral's audit trail, as an auditor reads it. */
    protected List<Map<String, Object>> auditTrail(String referral) {
        return web.get().uri("/audit?referralId={id}", referral).headers(h -> h.setBearerAuth(AUDITOR))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** Whether the referral's document in {@code collection} has no events left to publish (or does not exist). */
    protected boolean emptyOutbox(String collection, String referral) {
        Document document = mongo.findById(referral, Document.class, collection).block(WAIT);
        return document == null || document.getList("outbox", Object.class, List.of()).isEmpty();
    }
}
