package cn.referral.quota.adapter.out.persistence;

import static cn.referral.quota.domain.pool.Pools.NOW;
import static cn.referral.quota.domain.pool.Pools.SESSION_DAY;
import static cn.referral.quota.domain.pool.Pools.aCardiologyClinicMorning;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.testing.MongoCommandLog;
import cn.referral.platform.testing.MongoStandInDatabase;
import cn.referral.quota.application.port.in.OpenPoolCommand;

/**
 * Start-up pools (run-local's demo pools) are opened unless they exist, and a restart that finds them all
 * asks one query instead of trying an insert each: on a crash restart those inserts competed with the
 * backlog for the two cores (issue #14). What reaches the database is watched with a command listener.
 */
class OpeningPoolsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MongoStandInDatabase STAND_IN = MongoStandInDatabase.named("opening-pools-it");

    private final MongoCommandLog poolCommands = new MongoCommandLog();
    private MongoClient client;
    private LedgerStack ledger;

    @BeforeEach
    void connect() {
        client = poolCommands.clientOf(STAND_IN.uri());
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "opening-" + UUID.randomUUID());
        ledger = LedgerStack.on(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void opensThePoolsNotThereYetAndARestartThatFindsThemAllWritesNothing() {
        Map<PoolId, OpenPoolCommand> twoDays = new LinkedHashMap<>();
        twoDays.put(new PoolId("day-1"), new OpenPoolCommand(aCardiologyClinicMorning(SESSION_DAY), 10, 2));
        twoDays.put(new PoolId("day-2"), new OpenPoolCommand(aCardiologyClinicMorning(SESSION_DAY.plusDays(1)), 10, 2));

        assertThat(ledger.poolDesk().openAllIfAbsent(twoDays).block(WAIT)).isEqualTo(2);
        assertThat(ledger.pools().existing(List.of(new PoolId("day-1"), new PoolId("day-2"), new PoolId("day-3")))
                .map(PoolId::value).collectList().block(WAIT)).containsExactlyInAnyOrder("day-1", "day-2");

        poolCommands.clear();
        assertThat(ledger.poolDesk().openAllIfAbsent(twoDays).block(WAIT)).isZero();
        assertThat(poolCommands.commands(PoolDocument.COLLECTION)).containsExactly("find");

        Map<PoolId, OpenPoolCommand> threeDays = new LinkedHashMap<>(twoDays);
        threeDays.put(new PoolId("day-3"), new OpenPoolCommand(aCardiologyClinicMorning(SESSION_DAY.plusDays(2)), 10, 2));
        poolCommands.clear();
        assertThat(ledger.poolDesk().openAllIfAbsent(threeDays).block(WAIT)).isEqualTo(1);
        assertThat(poolCommands.commands(PoolDocument.COLLECTION)).containsExactly("find", "insert");
        assertThat(ledger.pools().findById(new PoolId("day-3")).block(WAIT).reserved()).isEqualTo(2);
    }
}
