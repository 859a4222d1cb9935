package cn.referral.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.platform.testing.MongoStandInDatabase;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The audit chain as an auditor uses it: intact after honest appends, broken where someone rewrote it. */
class AuditChainIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant MORNING = Instant.parse("2026-11-25T01:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @RegisterExtension
    static final MongoStandInDatabase DATABASE = MongoStandInDatabase.named("audit-it");

    private final ReactiveMongoTemplate mongo = DATABASE.template();
    private AuditChain chain;

    @BeforeEach
    void emptyAudit() {
        mongo.remove(new Query(), "audit").block(WAIT);
        chain = new AuditChain(mongo, "audit");
        chain.ensureIndexes().block(WAIT);
    }

    @Test
    void honestAppendsFromTwoReplicasAtOnceFormOneIntactChain() {
        AuditChain otherReplica = new AuditChain(mongo, "audit");
        Flux.range(1, 40).parallel(8).runOn(Schedulers.parallel())
                .flatMap(n -> (n % 2 == 0 ? chain : otherReplica)
                        .append("a-" + n, MORNING.plusSeconds(n), read("desk-" + n, "REFERRAL_HANDLING")))
                .sequential().blockLast(WAIT);

        ChainVerification verification = chain.verify(DAY).block(WAIT);

        assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        assertThat(verification.records()).isEqualTo(40);
        assertThat(verification.headHash()).hasSize(64);
        List<Long> places = mongo.find(new Query(), Document.class, "audit")
                .map(record -> ((Number) record.get(AuditChain.SEQ)).longValue()).sort().collectList().block(WAIT);
        assertThat(places).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).mapToObj(Long::valueOf).toList());
    }

    @Test
    void aReplicaWhoseLastAppendIsNoLongerTheHeadChainsToTheRealHead() {
        AuditChain otherReplica = new AuditChain(mongo, "audit");
        chain.append("a-1", MORNING.plusSeconds(1), read("desk-1", "REFERRAL_HANDLING")).block(WAIT);
        otherReplica.append("a-2", MORNING.plusSeconds(2), read("desk-2", "REFERRAL_HANDLING")).block(WAIT);
        // this replica remembers a-1 as the head; place 2 is taken, so it reads the head and takes place 3
        chain.append("a-3", MORNING.plusSeconds(3), read("desk-3", "REFERRAL_HANDLING")).block(WAIT);
        chain.append("a-4", MORNING.plusSeconds(4), read("desk-4", "REFERRAL_HANDLING")).block(WAIT);

        ChainVerification verification = chain.verify(DAY).block(WAIT);

        assertThat(verification.intact()).as(String.valueOf(verification)).isTrue();
        assertThat(verification.records()).isEqualTo(4);
        Document third = mongo.findById("a-3", Document.class, "audit").block(WAIT);
        assertThat(((Number) third.get(AuditChain.SEQ)).longValue()).isEqualTo(3L);
    }

    @Test
    void aRewrittenPurposeIsFoundAtItsPlace() {
        appendThree();
        mongo.updateFirst(new Query(Criteria.where("_id").is("a-2")), Update.update("purpose", "AUDIT"), "audit")
                .block(WAIT);

        ChainVerification verification = assertBrokenAt(2L, "rewritten");

        assertThat(verification.recordId()).isEqualTo("a-2");
    }

    @Test
    void aRemovedRecordIsFoundAsAGap() {
        appendThree();
        mongo.remove(new Query(Criteria.where("_id").is("a-2")), "audit").block(WAIT);

        assertBrokenAt(2L, "missing");
    }

    @Test
    void aRecordRewrittenWithAFreshHashStillBreaksTheNextLink() {
        appendThree();
        Document second = mongo.findOne(new Query(Criteria.where("_id").is("a-2")), Document.class, "audit")
                .block(WAIT);
        second.put("actorId", "someone-else");
        second.remove(AuditChain.HASH);
        second.put(AuditChain.HASH, AuditChain.hashOf(second));
        mongo.save(second, "audit").block(WAIT);

        assertBrokenAt(3L, "does not chain");
    }

    @Test
    void eachDayHasItsOwnChain() {
        appendThree();
        chain.append("next-day", MORNING.plus(Duration.ofDays(1)), read("desk-9", "TREATMENT")).block(WAIT);

        assertThat(chain.verify(DAY).block(WAIT).records()).isEqualTo(3);
        ChainVerification nextDay = chain.verify(DAY.plusDays(1)).block(WAIT);
        assertThat(nextDay.intact()).isTrue();
        assertThat(nextDay.records()).isEqualTo(1);
    }

    /** The day's chain verified: broken at record {@code position}, the problem naming {@code problem}. */
    private ChainVerification assertBrokenAt(long position, String problem) {
        ChainVerification verification = chain.verify(DAY).block(WAIT);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(position);
        assertThat(verification.problem()).contains(problem);
        return verification;
    }

    private void appendThree() {
        for (int n = 1; n <= 3; n++) {
            chain.append("a-" + n, MORNING.plusSeconds(n), read("desk-" + n, "REFERRAL_HANDLING")).block(WAIT);
        }
    }

    private static Map<String, Object> read(String actor, String purpose) {
        return Map.of("actorId", actor, "role", "REFERRAL_DESK", "referralId", "r-1", "purpose", purpose,
                "roles", List.of("REFERRAL_DESK"));
    }
}
