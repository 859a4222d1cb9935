package cn.referral.quota.adapter.out.persistence;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.events.EventFactory;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.HoldService;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.ReserveCutoff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's use cases wired on one database without Spring, the way one service instance wires
 * them: several stacks on one stand-in behave like several replicas of quota-service.
 */
public record LedgerStack(HoldUseCases holds, PoolStore pools) {

    public static LedgerStack on(ReactiveMongoTemplate mongo, Clock clock) {
        QuotaEventMessages messages = new QuotaEventMessages(
                new EventFactory(JsonMapper.builder().build(), clock, () -> UUID.randomUUID().toString()));
        MongoPoolStore pools = new MongoPoolStore(mongo, messages);
        pools.ensureIndexes().block(java.time.Duration.ofSeconds(10));
        HoldService holds = new HoldService(pools, new MongoReferralRegister(mongo, messages), NO_METRICS,
                new ReserveCutoff(ReserveCutoff.DEFAULT), clock, () -> UUID.randomUUID().toString());
        return new LedgerStack(holds, pools);
    }

    public static final QuotaMetrics NO_METRICS = new QuotaMetrics() {
        @Override
        public void recorded(List<QuotaEvent> events) {
        }

        @Override
        public void observed(List<Pool> upcomingPools) {
        }
    };

    /** The name of the collection whose documents' {@code outbox} arrays are the recorded history. */
    public static String poolCollection() {
        return PoolDocument.COLLECTION;
    }
}
