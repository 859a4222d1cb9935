package cn.referral.platform.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * Database health by {@code ping}, which MongoDB and the local stand-in both answer (Boot's own
 * indicator uses {@code hello}, which the stand-in lacks).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> mongo.executeCommand(new Document("ping", 1))
                        .map(answer -> builder.up().withDetail("database", database.getName()).build()));
    }
}
