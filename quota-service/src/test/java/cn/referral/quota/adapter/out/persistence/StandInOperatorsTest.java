package cn.referral.quota.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.testing.MongoStandInDatabase;

/**
 * The pool store relies on these operators of the Mongo stand-in (mongo-java-server): each is
 * checked here on its own, so a stand-in upgrade that drops one fails here and not somewhere deep
 * in a concurrency test.
 */
class StandInOperatorsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("operators");

    private final ReactiveMongoTemplate mongo = DATABASE.template();

    @BeforeEach
    void aPool() {
        mongo.remove(new Query(), "pools").block(WAIT);
        mongo.insert(new Document("_id", "p").append("reserved", 2).append("held", 1).append("revision", 0L)
                .append("holds", List.of(new Document("referralId", "r1")))
                .append("released", List.of())
                .append("waitlist", List.of()), "pools").block(WAIT);
    }

    @Test
    void exprComparesTwoFieldsOfTheSameDocument() {
        assertThat(update(Criteria.expr(() -> new Document("$lt", List.of("$held", "$reserved"))),
                new Update().inc("held", 1))).isNotNull();
        assertThat(update(Criteria.expr(() -> new Document("$lt", List.of("$held", "$reserved"))),
                new Update().inc("held", 1))).as("held == reserved now").isNull();
    }

    @Test
    void exprAddsTwoFieldsBeforeComparing() {
        mongo.updateFirst(new Query(Criteria.where("_id").is("p")), new Update().set("releasedToPublic", 0), "pools")
                .block(WAIT);
        Criteria withinUnreleased = Criteria.expr(() -> new Document("$lt", List.of(
                new Document("$add", List.of("$held", "$releasedToPublic")), "$reserved")));
        assertThat(update(withinUnreleased, new Update().inc("releasedToPublic", 1))).as("1 + 0 < 2").isNotNull();
        assertThat(update(withinUnreleased, new Update().inc("held", 1))).as("1 + 1 < 2 is false").isNull();
    }

    @Test
    void elemMatchFindsAHeldHoldPastItsDeadline() {
        mongo.updateFirst(new Query(Criteria.where("_id").is("p")), new Update().set("holds", List.of(
                new Document("referralId", "r1").append("status", "CONFIRMED").append("expiresAt", 1),
                new Document("referralId", "r2").append("status", "HELD").append("expiresAt", 5))), "pools")
                .block(WAIT);
        Criteria expiredBy3 = Criteria.where("holds").elemMatch(Criteria.where("status").is("HELD")
                .and("expiresAt").lte(3));
        Criteria expiredBy5 = Criteria.where("holds").elemMatch(Criteria.where("status").is("HELD")
                .and("expiresAt").lte(5));
        assertThat(mongo.find(new Query(expiredBy3), Document.class, "pools").collectList().block(WAIT)).isEmpty();
        assertThat(mongo.find(new Query(expiredBy5), Document.class, "pools").collectList().block(WAIT)).hasSize(1);
    }

    @Test
    void notEqualOnAnArrayFieldPathExcludesDocumentsWhoseArrayHasTheValue() {
        assertThat(update(Criteria.where("holds.referralId").ne("r1"), new Update().inc("held", 1))).isNull();
        assertThat(update(Criteria.where("holds.referralId").ne("r2").and("released.referralId").ne("r2"),
                new Update().push("holds", new Document("referralId", "r2")))).isNotNull();
    }

    @Test
    void elemMatchProjectionsReturnOnlyTheMatchingElementsBesideTheIncludedFields() {
        mongo.updateFirst(new Query(Criteria.where("_id").is("p")), new Update()
                .set("holds", List.of(new Document("referralId", "r1"), new Document("referralId", "r2")))
                .set("released", List.of(new Document("hold", new Document("referralId", "r3")))), "pools")
                .block(WAIT);

        Document r2 = tally("r2");
        Document r3 = tally("r3");
        Document r4 = tally("r4");

        assertThat(r2.keySet()).containsExactlyInAnyOrder("_id", "held", "holds");
        assertThat(r2.getList("holds", Document.class)).containsExactly(new Document("referralId", "r2"));
        assertThat(r3.getList("released", Document.class)).containsExactly(
                new Document("hold", new Document("referralId", "r3")));
        assertThat(r3.get("holds")).isNull();
        assertThat(r4.keySet()).as("neither array without a match").containsExactlyInAnyOrder("_id", "held");
    }

    private Document tally(String referralId) {
        Query query = new Query(Criteria.where("_id").is("p"));
        query.fields().include("held").elemMatch("holds", Criteria.where("referralId").is(referralId))
                .elemMatch("released", Criteria.where("hold.referralId").is(referralId));
        return mongo.findOne(query, Document.class, "pools").block(WAIT);
    }

    @Test
    void equalityOnAnArrayFieldPathFindsTheDocument() {
        assertThat(mongo.find(new Query(Criteria.where("holds.referralId").is("r1")), Document.class, "pools")
                .collectList().block(WAIT)).hasSize(1);
    }

    @Test
    void pushEachPullAndIncGoTogetherInOneUpdate() {
        mongo.updateFirst(new Query(Criteria.where("_id").is("p")),
                new Update().push("waitlist").each(new Document("referralId", "w1"), new Document("referralId", "w2"))
                        .push("pending", "w1"), "pools").block(WAIT);
        Document after = update(Criteria.where("pending").is("w1"),
                new Update().pull("pending", "w1").inc("revision", 1).push("outbox", new Document("eventId", "e")));

        assertThat(after.getList("waitlist", Document.class)).extracting(d -> d.getString("referralId"))
                .containsExactly("w1", "w2");
        assertThat(after.getList("pending", String.class)).isEmpty();
        assertThat(after.getLong("revision")).isEqualTo(1L);
    }

    @Test
    void aRevisionGuardLetsOnlyTheFirstOfTwoWritersThrough() {
        assertThat(update(Criteria.where("revision").is(0L), new Update().inc("revision", 1).set("held", 0))).isNotNull();
        assertThat(update(Criteria.where("revision").is(0L), new Update().inc("revision", 1).set("held", 2))).isNull();
    }

    @Test
    void nullMatchesAMissingField() {
        assertThat(update(Criteria.where("reserveReleasedAt").is(null), new Update().set("reserveReleasedAt", 1)))
                .isNotNull();
        assertThat(update(Criteria.where("reserveReleasedAt").is(null), new Update().set("x", 1))).isNull();
    }

    private Document update(Criteria guard, Update update) {
        return mongo.findAndModify(new Query(Criteria.where("_id").is("p").andOperator(guard)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, "pools").block(WAIT);
    }
}
