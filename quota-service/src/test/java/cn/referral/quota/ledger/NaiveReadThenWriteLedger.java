package cn.referral.quota.ledger;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.quota.domain.policy.ReservePolicies;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.pool.HoldRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * DELIBERATELY WRONG, test code only: reads the pool, decides, then writes without a guard, the
 * way a ledger without conditional updates would. It writes the same document layout and history
 * as the real ledger, so {@link LedgerHistory} can show that its checks catch the overbooking.
 */
public record NaiveReadThenWriteLedger(ReactiveMongoTemplate mongo, String pools, String waitlist) {

    private static final AtomicLong ARRIVALS = new AtomicLong();

    public Mono<Void> place(String poolId, HoldRequest request) {
        return mongo.findById(poolId, Document.class, pools)
                .publishOn(Schedulers.parallel())
                .flatMap(pool -> {
                    if (pool.getInteger("held") < pool.getInteger("reserved")) {
                        return mongo.updateFirst(new Query(Criteria.where("_id").is(poolId)), new Update().inc("held", 1)
                                .push("holds", new Document("referralId", request.referralId().value()))
                                .push("outbox", event("quota.slot-held.v1", "{\"referralId\":\""
                                        + request.referralId() + "\",\"greenChannel\":false}")), pools).then();
                    }
                    int rank = WaitlistOrder.classOf(request, ReservePolicies.DEFAULT).ordinal();
                    return mongo.insert(new Document("_id", poolId + "|" + request.referralId())
                            .append("poolId", poolId).append("referralId", request.referralId().value())
                            .append("state", "WAITING").append("rank", rank)
                            .append("seq", ARRIVALS.incrementAndGet())
                            .append("outbox", List.of(event("quota.waitlisted.v1", "{\"referralId\":\""
                                    + request.referralId() + "\",\"position\":1}"))), waitlist).then();
                })
                .then();
    }

    private static Document event(String type, String payload) {
        return new Document("type", type).append("payload", payload);
    }
}
