package cn.referral.quota.adapter.out.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.outbox.OutboxFields;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.port.out.WaitlistStore;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.policy.WaitlistOrder;
import cn.referral.quota.domain.waitlist.WaitlistEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Waiting referrals in MongoDB, one document each ({@link WaitlistDocument}); every write touches one document. */
@Component
class MongoWaitlistStore implements WaitlistStore {

    private static final String POOL_ID = "poolId";
    private static final String STATE = "state";
    private static final String RANK = "rank";
    private static final String SEQ = "seq";

    private final ReactiveMongoTemplate mongo;
    private final QuotaEventMessages messages;

    MongoWaitlistStore(ReactiveMongoTemplate mongo, QuotaEventMessages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** Service order within a pool; look-ups by referral. */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(WaitlistDocument.COLLECTION);
        return indexes.createIndex(new Index().on(POOL_ID, Sort.Direction.ASC).on(STATE, Sort.Direction.ASC)
                        .on(RANK, Sort.Direction.ASC).on(SEQ, Sort.Direction.ASC).named("service_order"))
                .then(indexes.createIndex(new Index().on("referralId", Sort.Direction.ASC).named("waitlist_referral")))
                .then();
    }

    @Override
    public Mono<Boolean> add(WaitlistEntry entry, QuotaEvent.Waitlisted event) {
        return messages.toOutbox(event)
                .flatMap(outbox -> mongo.insert(WaitlistDocument.of(entry, List.of(outbox))))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    @Override
    public Mono<Integer> positionOf(WaitlistEntry entry) {
        int rank = WaitlistOrder.rankOf(entry);
        Criteria ahead = Criteria.where(POOL_ID).is(entry.poolId().value()).and(STATE).is(WaitlistDocument.WAITING)
                .orOperator(Criteria.where(RANK).lt(rank),
                        Criteria.where(RANK).is(rank).and(SEQ).lt(entry.seq()));
        return mongo.count(new Query(ahead), WaitlistDocument.COLLECTION).map(count -> (int) (count + 1));
    }

    @Override
    public Mono<WaitlistEntry> first(PoolId poolId, boolean servedFirstOnly) {
        Criteria waiting = Criteria.where(POOL_ID).is(poolId.value()).and(STATE).is(WaitlistDocument.WAITING);
        if (servedFirstOnly) {
            waiting = waiting.and("servedFirst").is(true);
        }
        Query query = new Query(waiting).with(Sort.by(RANK, SEQ)).limit(1);
        query.fields().exclude(OutboxFields.OUTBOX);
        return mongo.findOne(query, WaitlistDocument.class).map(WaitlistDocument::toDomain);
    }

    @Override
    public Mono<Boolean> leave(WaitlistEntry entry, String why) {
        Query waiting = new Query(Criteria.where("_id").is(WaitlistDocument.idOf(entry.poolId(), entry.referralId()))
                .and(STATE).is(WaitlistDocument.WAITING));
        return mongo.updateFirst(waiting, new Update().set(STATE, "PROMOTED".equals(why) ? "PROMOTED" : "LEFT")
                        .set("leftBecause", why), WaitlistDocument.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Flux<WaitlistEntry> waitingFor(ReferralId referralId) {
        Query query = new Query(Criteria.where("referralId").is(referralId.value())
                .and(STATE).is(WaitlistDocument.WAITING));
        query.fields().exclude(OutboxFields.OUTBOX);
        return mongo.find(query, WaitlistDocument.class).map(WaitlistDocument::toDomain);
    }

    @Override
    public Mono<Map<PoolId, Long>> waitingCounts(Iterable<PoolId> poolIds) {
        List<String> ids = new java.util.ArrayList<>();
        poolIds.forEach(id -> ids.add(id.value()));
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(POOL_ID).in(ids).and(STATE).is(WaitlistDocument.WAITING)),
                Aggregation.group(POOL_ID).count().as("waiting"));
        return mongo.aggregate(count, WaitlistDocument.COLLECTION, org.bson.Document.class)
                .collect(HashMap<PoolId, Long>::new, (counts, group) -> counts.put(new PoolId(group.getString("_id")),
                        ((Number) group.get("waiting")).longValue()))
                .map(Map::copyOf);
    }
}
