package cn.referral.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoClients;

import cn.referral.platform.testing.MongoStandInDatabase;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * An upsert that loses the insert of a new {@code _id} to a concurrent one updates what the winner
 * inserted; a collision that is not such a race still fails.
 */
class UpsertsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String COUNTERS = "counters";

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("upserts-it");

    private final ReactiveMongoTemplate mongo = DATABASE.template();

    @Test
    void anUpsertThatLostTheInsertToAConcurrentOneCountsOnTopOfTheWinner() {
        Query counter = new Query(Criteria.where("_id").is("lost-the-insert"));
        Update countUp = new Update().inc("count", 1);

        StepVerifier.create(Upserts.upsertRetryingALostInsert(new LosesItsFirstInsert(countUp), counter, countUp,
                        COUNTERS))
                .assertNext(second -> assertThat(second.getMatchedCount()).isEqualTo(1))
                .verifyComplete();

        Document counted = mongo.findOne(counter, Document.class, COUNTERS).block(WAIT);
        assertThat(counted).isNotNull();
        assertThat(counted.getInteger("count")).as("the winner's count-up and the loser's").isEqualTo(2);
    }

    @Test
    void aCollisionOnAnIdThatTheQueryDoesNotMatchIsNotARaceAndStillFails() {
        mongo.insert(new Document("_id", "newer").append("version", 7), COUNTERS).block(WAIT);
        Query olderThanFive = new Query(Criteria.where("_id").is("newer").and("version").lt(5));

        StepVerifier.create(Upserts.upsertRetryingALostInsert(mongo, olderThanFive, new Update().set("version", 5),
                        COUNTERS))
                .expectError(DuplicateKeyException.class)
                .verify(WAIT);
        Document kept = mongo.findOne(new Query(Criteria.where("_id").is("newer")), Document.class, COUNTERS).block(WAIT);
        assertThat(kept).isNotNull();
        assertThat(kept.getInteger("version")).isEqualTo(7);
    }

    /**
     * A template whose first upsert finds that another writer has just inserted the document: that writer's
     * upsert runs, then this one fails as MongoDB fails the loser of such a race.
     */
    private static final class LosesItsFirstInsert extends ReactiveMongoTemplate {

        private final Update winner;
        private final AtomicBoolean lost = new AtomicBoolean();

        LosesItsFirstInsert(Update winner) {
            super(new SimpleReactiveMongoDatabaseFactory(MongoClients.create(DATABASE.uri()), "upserts-it"));
            this.winner = winner;
        }

        @Override
        public Mono<UpdateResult> upsert(Query query, UpdateDefinition update, String collectionName) {
            if (lost.compareAndSet(false, true)) {
                return super.upsert(query, winner, collectionName)
                        .then(Mono.error(new DuplicateKeyException("E11000 duplicate key error: _id")));
            }
            return super.upsert(query, update, collectionName);
        }
    }
}
