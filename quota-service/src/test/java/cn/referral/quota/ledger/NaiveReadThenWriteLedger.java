package cn.referral.quota.ledger;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.quota.domain.HoldRequest;
import cn.referral.quota.domain.WaitlistOrder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * DELIBERATELY WRONG, test code only: reads the pool, decides, then writes without a guard, the
 * way a ledger without conditional updates would. It writes the same document layout and history
 * as the real ledger, so {@link LedgerHistory} can show that its checks catch the overbooking.
 */
public class NaiveReadThenWriteLedger {

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    public NaiveReadThenWriteLedger(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public Mono<Void> place(String poolId, HoldRequest request) {
        return mongo.findById(poolId, Document.class, collection)
                .publishOn(Schedulers.parallel())
                .flatMap(pool -> {
                    Query thePool = new Query(Criteria.where("_id").is(poolId));
                    if (pool.getInteger("held") < pool.getInteger("reserved")) {
                        return mongo.updateFirst(thePool, new Update().inc("held", 1)
                                .push("holds", new Document("referralId", request.referralId()))
                                .push("outbox", event("quota.slot-held.v1",
                                        "{\"referralId\":\"" + request.referralId() + "\"}")), collection);
                    }
                    int ahead = (int) pool.getList("waitlist", Document.class, List.of()).stream()
                            .filter(entry -> WaitlistOrder.classOf(
                                    cn.referral.quota.domain.Urgency.valueOf(entry.getString("urgency")),
                                    entry.getBoolean("contracted")).compareTo(
                                    WaitlistOrder.classOf(request.urgency(), request.contracted())) <= 0)
                            .count();
                    return mongo.updateFirst(thePool, new Update()
                            .push("waitlist", new Document("referralId", request.referralId())
                                    .append("urgency", request.urgency().name())
                                    .append("contracted", request.contracted()))
                            .push("outbox", event("quota.waitlisted.v1", "{\"referralId\":\"" + request.referralId()
                                    + "\",\"position\":" + (ahead + 1) + "}")), collection);
                })
                .then();
    }

    private static Document event(String type, String payload) {
        return new Document("type", type).append("payload", payload);
    }
}
