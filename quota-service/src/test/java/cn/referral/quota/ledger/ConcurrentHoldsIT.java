package cn.referral.quota.ledger;

import static cn.referral.quota.domain.Pools.NOW;
import static cn.referral.quota.domain.Pools.aReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.testing.MongoStandIn;
import cn.referral.quota.adapter.out.persistence.LedgerStack;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.domain.HoldRequest;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.Pools;
import cn.referral.quota.domain.Urgency;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 200 referrals race for the 10 reserved units of one pool through two ledger instances that share
 * one database, as two replicas of quota-service would. The recorded history must show exactly 10
 * holds and everybody else waiting in policy order, and the same checks must catch a naive
 * read-then-write ledger overbooking.
 */
class ConcurrentHoldsIT {

    private static final int ATTEMPTS = 200;
    private static final int RESERVED = 10;
    private static final Duration WAIT = Duration.ofMinutes(2);

    private static MongoStandIn standIn;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        standIn = MongoStandIn.start();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void twoInstancesHoldExactlyTheReserveAndWaitlistEveryoneElseInPolicyOrder() {
        String database = "ledger-" + UUID.randomUUID();
        LedgerStack first = LedgerStack.on(standIn.template(database), clock);
        LedgerStack second = LedgerStack.on(standIn.template(database), clock);
        Pool pool = Pools.anExpertClinic(50, RESERVED);
        first.pools().insert(pool).block(WAIT);
        List<HoldRequest> attempts = mixedReferrals();

        List<Placement> placements = race(attempts,
                i -> (i % 2 == 0 ? first : second).holds().place(attempts.get(i)));

        Map<Placement, Long> outcomes = placements.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of(Placement.HELD, (long) RESERVED, Placement.WAITLISTED, (long) ATTEMPTS - RESERVED));
        LedgerHistory.of(standIn.template(database), LedgerStack.poolCollection(), pool.id())
                .assertNoOverbooking(RESERVED, attempts);
    }

    @Test
    void theSameChecksCatchANaiveReadThenWriteLedgerOverbooking() {
        String database = "naive-" + UUID.randomUUID();
        ReactiveMongoTemplate mongo = standIn.template(database);
        Pool pool = Pools.anExpertClinic(50, RESERVED);
        LedgerStack.on(mongo, clock).pools().insert(pool).block(WAIT);
        NaiveReadThenWriteLedger first = new NaiveReadThenWriteLedger(mongo, LedgerStack.poolCollection());
        NaiveReadThenWriteLedger second = new NaiveReadThenWriteLedger(standIn.template(database),
                LedgerStack.poolCollection());
        List<HoldRequest> attempts = mixedReferrals();

        race(attempts, i -> (i % 2 == 0 ? first : second).place(pool.id(), attempts.get(i)).thenReturn(Placement.HELD));

        LedgerHistory history = LedgerHistory.of(mongo, LedgerStack.poolCollection(), pool.id());
        assertThat(history.held()).as("the naive ledger overbooks").hasSizeGreaterThan(RESERVED);
        assertThatThrownBy(() -> history.assertNoOverbooking(RESERVED, attempts))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("reserved units held");
    }

    /** Every tenth urgent, every third contracted, the rest routine: all classes but the green channel. */
    private static List<HoldRequest> mixedReferrals() {
        return IntStream.range(0, ATTEMPTS)
                .mapToObj(i -> aReferral("referral-" + i, i % 10 == 0 ? Urgency.URGENT : Urgency.ROUTINE, i % 3 == 0))
                .toList();
    }

    private static List<Placement> race(List<HoldRequest> attempts, Function<Integer, Mono<Placement>> attempt) {
        return Flux.range(0, attempts.size())
                .flatMap(i -> Mono.defer(() -> attempt.apply(i)).subscribeOn(Schedulers.parallel()), attempts.size())
                .collectList()
                .block(WAIT);
    }
}
