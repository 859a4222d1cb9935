package cn.referral.quota.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.events.EventFactory;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.HoldService;
import cn.referral.quota.application.PoolService;
import cn.referral.quota.application.QuotaLedger;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.application.port.in.PoolUseCases;
import cn.referral.quota.application.port.in.SubmittedReferral;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.application.port.out.QuotaMetrics;
import cn.referral.quota.application.port.out.ReferenceViews;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.policy.ReservePolicies;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.ReserveCutoff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's use cases wired on one database without Spring, the way one service instance wires
 * them: several stacks on one stand-in behave like several replicas of quota-service.
 */
public record LedgerStack(HoldUseCases holds, PoolUseCases poolDesk, PoolStore pools, ReferenceViews views) {

    public static LedgerStack on(ReactiveMongoTemplate mongo, Clock clock) {
        return on(mongo, clock, ReservePolicies.none());
    }

    public static LedgerStack on(ReactiveMongoTemplate mongo, Clock clock, ReservePolicies policies) {
        QuotaEventMessages messages = new QuotaEventMessages(
                new EventFactory(JsonMapper.builder().build(), clock, () -> UUID.randomUUID().toString()));
        MongoPoolStore pools = new MongoPoolStore(mongo, messages);
        MongoWaitlistStore waitlist = new MongoWaitlistStore(mongo, messages);
        pools.ensureIndexes().then(waitlist.ensureIndexes()).block(Duration.ofSeconds(10));
        MongoReferenceViews views = new MongoReferenceViews(mongo);
        QuotaLedger ledger = new QuotaLedger(pools, waitlist, new MongoReferralRegister(mongo, messages), NO_METRICS,
                policies, views);
        HoldService holds = new HoldService(ledger, new ReserveCutoff(ReserveCutoff.DEFAULT), clock,
                ZoneId.of("Asia/Shanghai"), Duration.ZERO, () -> UUID.randomUUID().toString());
        PoolService poolDesk = new PoolService(ledger, clock, ZoneId.of("Asia/Shanghai"),
                () -> UUID.randomUUID().toString());
        return new LedgerStack(holds, poolDesk, pools, views);
    }

    /** A referral submitted without a patient or referring institution the contracts view knows. */
    public reactor.core.publisher.Mono<Placement> place(HoldRequest request) {
        return holds.place(new SubmittedReferral(request, null, null));
    }

    public static final QuotaMetrics NO_METRICS = new QuotaMetrics() {
        @Override
        public void recorded(List<QuotaEvent> events) {
        }

        @Override
        public void observed(List<Pool> upcomingPools, Map<PoolId, Long> waitingByPool) {
        }
    };

    /** The name of the collection whose documents' {@code outbox} arrays hold the pools' events. */
    public static String poolCollection() {
        return PoolDocument.COLLECTION;
    }

    /** The name of the collection of waiting referrals (each with its {@code Waitlisted} event). */
    public static String waitlistCollection() {
        return WaitlistDocument.COLLECTION;
    }
}
