package cn.referral.quota.adapter.out.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.mongo.Upserts;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.port.out.ReferralRegister;
import cn.referral.quota.domain.QuotaEvent;
import reactor.core.publisher.Mono;

/**
 * One document per referral, {@code _id} = referral id (unique by construction): the claim to place
 * it, the memory that it was closed, the outbox of its unavailable answer, and the ids of the pools
 * that may hold it ({@code pools}, so accept and cancel read those pools by {@code _id} instead of
 * searching every pool's holds). A document written before {@code pools} existed never gets one
 * (its holds may be in pools it does not name); its pools are found by their holds.
 */
@Component
class MongoReferralRegister implements ReferralRegister {

    static final String COLLECTION = "referrals";
    private static final String STATUS = "status";
    private static final String OPEN = "OPEN";
    private static final String UNAVAILABLE = "UNAVAILABLE";
    private static final String CLOSED = "CLOSED";
    private static final String POOLS = "pools";

    private final ReactiveMongoTemplate mongo;
    private final QuotaEventMessages messages;

    MongoReferralRegister(ReactiveMongoTemplate mongo, QuotaEventMessages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    @Override
    public Mono<Standing> claim(ReferralId referralId, Instant now) {
        Document claim = new Document("_id", referralId.value()).append(STATUS, OPEN)
                .append("claimedAt", Date.from(now)).append(POOLS, List.of());
        return mongo.insert(claim, COLLECTION)
                .thenReturn(Standing.NEW)
                .onErrorResume(DuplicateKeyException.class, duplicate -> mongo.findById(referralId.value(),
                                Document.class, COLLECTION)
                        .map(existing -> switch (existing.getString(STATUS)) {
                            case CLOSED -> Standing.CLOSED;
                            case UNAVAILABLE -> Standing.ANSWERED_UNAVAILABLE;
                            default -> Standing.KNOWN;
                        }));
    }

    @Override
    public Mono<Boolean> reclaimIfStale(ReferralId referralId, Instant staleBefore, Instant now) {
        Query stale = new Query(Criteria.where("_id").is(referralId.value()).and(STATUS).is(OPEN)
                .and("claimedAt").lt(Date.from(staleBefore)));
        return mongo.updateFirst(stale, new Update().set("claimedAt", Date.from(now)), COLLECTION)
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Void> close(ReferralId referralId, String reason, Instant now) {
        // closed before it was ever placed: it remembers (no) pools from the start
        Update closed = new Update().set(STATUS, CLOSED).set("closedReason", reason).set("closedAt", Date.from(now))
                .setOnInsert(POOLS, List.of());
        // two upserts of a new id at once: one inserts, the other finds it the second time
        return Upserts.upsertRetryingALostInsert(mongo, new Query(Criteria.where("_id").is(referralId.value())), closed,
                COLLECTION).then();
    }

    @Override
    public Mono<Optional<String>> closedReason(ReferralId referralId) {
        // by _id alone: the stand-in uses an index only for a query on exactly its fields, and {_id, status}
        // scanned every referral under the collection's lock (once per held placement)
        Query query = new Query(Criteria.where("_id").is(referralId.value()));
        query.fields().include(STATUS).include("closedReason");
        return mongo.findOne(query, Document.class, COLLECTION)
                .filter(register -> CLOSED.equals(register.getString(STATUS)))
                .map(closed -> Optional.ofNullable(closed.getString("closedReason")))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Boolean> recordUnavailable(QuotaEvent.Unavailable event, Instant now) {
        Query open = new Query(Criteria.where("_id").is(event.referralId().value()).and(STATUS).is(OPEN));
        return messages.toOutbox(event)
                .map(outbox -> OutboxUpdates.append(new Update().set(STATUS, UNAVAILABLE)
                        .set("unavailableReason", event.reason()).set("answeredAt", Date.from(now)), List.of(outbox)))
                .flatMap(update -> mongo.updateFirst(open, update, COLLECTION))
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Void> rememberPool(ReferralId referralId, PoolId poolId) {
        Query remembering = new Query(Criteria.where("_id").is(referralId.value()).and(POOLS).exists(true));
        return mongo.updateFirst(remembering, new Update().addToSet(POOLS, poolId.value()), COLLECTION).then();
    }

    @Override
    public Mono<Optional<List<PoolId>>> rememberedPools(ReferralId referralId) {
        Query query = new Query(Criteria.where("_id").is(referralId.value()));
        query.fields().include(POOLS);
        return mongo.findOne(query, Document.class, COLLECTION)
                .map(register -> Optional.ofNullable(register.getList(POOLS, String.class))
                        .map(ids -> ids.stream().map(PoolId::new).toList()))
                .defaultIfEmpty(Optional.empty());
    }
}
