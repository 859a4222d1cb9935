package cn.referral.quota.adapter.out.persistence;

import static cn.referral.quota.domain.pool.Pools.NOW;
import static cn.referral.quota.domain.pool.Pools.aRoutineReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.reactivestreams.client.MongoClient;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.testing.MongoCommandLog;
import cn.referral.platform.testing.MongoStandInDatabase;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.application.port.in.SubmittedReferral;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.domain.pool.HoldStatus;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.Pools;
import cn.referral.quota.domain.pool.ReleaseReason;

/**
 * Accept and cancel find the pool that holds the referral by the pool's {@code _id}, which the
 * referral's register remembered before the hold was written, instead of an {@code $or} over every
 * pool's holds (issue #14); a register written before pools were remembered still finds its hold
 * the old way. What the ledger asks the database is watched with a driver command listener.
 */
class HoldingPoolsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MongoStandInDatabase STAND_IN = MongoStandInDatabase.named("holding-pools-it");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final MongoCommandLog poolCommands = new MongoCommandLog();
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private LedgerStack ledger;
    private Pool pool;

    @BeforeEach
    void aPoolWithOneReservedUnit() {
        client = poolCommands.clientOf(STAND_IN.uri());
        mongo = new ReactiveMongoTemplate(client, "holding-" + UUID.randomUUID());
        ledger = LedgerStack.on(mongo, clock);
        pool = Pools.anExpertClinic(10, 2);
        ledger.pools().insert(pool).block(WAIT);
        // a later pool, outside the referrals' dates: a search over every pool's holds would look at it too
        ledger.pools().insert(Pool.open(new PoolId("pool-2"),
                Pools.aCardiologyClinicMorning(Pools.SESSION_DAY.plusDays(10)), 10, 2, Pools.SHANGHAI)).block(WAIT);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anAcceptedReferralsHoldIsConfirmedInThePoolItsRegisterRememberedReadByItsId() {
        assertThat(ledger.place(aRoutineReferral("r-accepted")).block(WAIT)).isEqualTo(Placement.HELD);
        assertThat(rememberedPools("r-accepted")).hasValue(List.of(pool.id().value()));
        poolCommands.clear();

        ledger.holds().confirm(new ReferralId("r-accepted")).block(WAIT);

        assertThat(stored().holdOf(new ReferralId("r-accepted"))).get().extracting(hold -> hold.status())
                .isEqualTo(HoldStatus.CONFIRMED);
        assertThat(poolCommands.findFilters(PoolDocument.COLLECTION)).as("pools read on accept").isNotEmpty()
                .allSatisfy(fields -> assertThat(fields).containsExactly("_id"));

        // the accept delivered again: nothing changes a second time
        long revision = stored().revision();
        ledger.holds().confirm(new ReferralId("r-accepted")).block(WAIT);
        assertThat(stored().revision()).isEqualTo(revision);
        assertThat(stored().confirmed()).isEqualTo(1);
    }

    @Test
    void aCancelledReferralRegisteredBeforePoolsWereRememberedIsReleasedFromThePoolThatHoldsIt() {
        assertThat(ledger.place(aRoutineReferral("r-old")).block(WAIT)).isEqualTo(Placement.HELD);
        // as a register written by the version before this one: no pools remembered
        mongo.updateFirst(new Query(Criteria.where("_id").is("r-old")), new Update().unset("pools"),
                MongoReferralRegister.COLLECTION).block(WAIT);
        poolCommands.clear();

        ledger.holds().release(new ReferralId("r-old"), ReleaseReason.CANCELLED).block(WAIT);

        Pool released = stored();
        assertThat(released.holdOf(new ReferralId("r-old"))).isEmpty();
        assertThat(released.released())
                .anySatisfy(hold -> assertThat(hold.hold().referralId()).isEqualTo(new ReferralId("r-old")));
        assertThat(released.held()).isZero();
        assertThat(poolCommands.findFilters(PoolDocument.COLLECTION)).as("found by the pools' holds, the old way")
                .anySatisfy(fields -> assertThat(fields).containsExactly("$or"));
        assertThat(rememberedPools("r-old")).as("an old register is left as it was").isEmpty();
    }

    @Test
    void aUnitHandedToAWaitingReferralIsRememberedSoItsAcceptReadsThatPoolById() {
        List.of("r-first", "r-second").forEach(id ->
                assertThat(ledger.place(aRoutineReferral(id)).block(WAIT)).isEqualTo(Placement.HELD));
        assertThat(ledger.place(aRoutineReferral("r-waiting")).block(WAIT)).isEqualTo(Placement.WAITLISTED);
        assertThat(rememberedPools("r-waiting")).as("nothing held yet").hasValue(List.of());

        ledger.holds().release(new ReferralId("r-first"), ReleaseReason.REJECTED).block(WAIT);

        assertThat(stored().holdOf(new ReferralId("r-waiting"))).as("the freed unit went to the waiting referral")
                .isPresent();
        assertThat(rememberedPools("r-waiting")).hasValue(List.of(pool.id().value()));
        poolCommands.clear();
        ledger.holds().confirm(new ReferralId("r-waiting")).block(WAIT);
        assertThat(stored().holdOf(new ReferralId("r-waiting"))).get().extracting(hold -> hold.status())
                .isEqualTo(HoldStatus.CONFIRMED);
        assertThat(poolCommands.findFilters(PoolDocument.COLLECTION)).isNotEmpty()
                .allSatisfy(fields -> assertThat(fields).containsExactly("_id"));
    }

    @Test
    void aReferralCancelledBeforeItWasPlacedRemembersNoPoolAndReadsNone() {
        ledger.holds().release(new ReferralId("r-never-placed"), ReleaseReason.CANCELLED).block(WAIT);
        poolCommands.clear();

        assertThat(ledger.place(aRoutineReferral("r-never-placed")).block(WAIT)).isEqualTo(Placement.CLOSED);
        ledger.holds().release(new ReferralId("r-never-placed"), ReleaseReason.CANCELLED).block(WAIT);

        assertThat(rememberedPools("r-never-placed")).hasValue(List.of());
        assertThat(poolCommands.findFilters(PoolDocument.COLLECTION))
                .as("no pool searched for a referral that no pool holds").isEmpty();
        assertThat(stored().held()).isZero();
    }

    /**
     * A placer killed between claiming the referral and writing its hold leaves a claim nobody finishes. A redelivery
     * waits for the placement lease, unless the inbox took the submission over from that abandoned delivery: then the
     * claim made before is that delivery's, and the redelivery places the referral at once.
     */
    @Test
    void aPlacementLeftByAnAbandonedDeliveryIsTakenOverAtOnceByTheDeliveryTheInboxHandedTheEventTo() {
        ReferralId orphan = new ReferralId("r-orphan");
        MongoReferralRegister register = new MongoReferralRegister(mongo, null);
        assertThat(register.claim(orphan, NOW.minusSeconds(5)).block(WAIT)).as("the killed placer's claim")
                .isEqualTo(ReferralRegister.Standing.NEW);

        assertThat(ledger.holds().place(new SubmittedReferral(aRoutineReferral("r-orphan"), null, null)).block(WAIT))
                .as("an ordinary redelivery: the placer may still be at work").isEqualTo(Placement.IN_PROGRESS);
        assertThat(ledger.holds().place(new SubmittedReferral(aRoutineReferral("r-orphan"), null, null), NOW)
                .block(WAIT)).as("taken over from the abandoned delivery at NOW").isEqualTo(Placement.HELD);
        assertThat(stored().held()).isEqualTo(1);
    }

    private Pool stored() {
        return ledger.pools().findById(pool.id()).block(WAIT);
    }

    /** The register's {@code pools}, or empty where it has none. */
    private Optional<List<String>> rememberedPools(String referralId) {
        return mongo.findById(referralId, Document.class, MongoReferralRegister.COLLECTION)
                .map(register -> Optional.ofNullable(register.getList("pools", String.class))).block(WAIT);
    }
}
