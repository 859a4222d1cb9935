package cn.referral.quota.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.outbox.OutboxFields;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.DuplicatePool;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.domain.Hold;
import cn.referral.quota.domain.Pool;
import cn.referral.quota.domain.PoolChange;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.Resource;
import cn.referral.quota.domain.WaitlistEntry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pools in MongoDB. Holds and waitlist entries are single guarded updates of the pool document
 * ({@code $inc} + {@code $push}, the guard states the invariant); other changes are
 * compare-and-set on {@code revision}, which every write increments.
 */
@Component
class MongoPoolStore implements PoolStore {

    private static final String ID = "_id";
    private static final String HOLDS = "holds";
    private static final String RELEASED = "released";
    private static final String WAITLIST = "waitlist";
    private static final String UNANNOUNCED = "unannounced";
    private static final String HELD = "held";
    private static final String GREEN_CHANNEL_HELD = "greenChannelHeld";
    private static final String RESERVED = "reserved";
    private static final String REVISION = "revision";
    private static final String RESERVE_RELEASED_AT = "reserveReleasedAt";
    private static final String SESSION_STARTS_AT = "sessionStartsAt";

    private final ReactiveMongoTemplate mongo;
    private final QuotaEventMessages messages;

    MongoPoolStore(ReactiveMongoTemplate mongo, QuotaEventMessages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** One pool per institution, department, resource, date and session; look-ups by referral. */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(PoolDocument.COLLECTION);
        return indexes.createIndex(new Index().on("institutionId", Sort.Direction.ASC)
                        .on("department", Sort.Direction.ASC).on("resource", Sort.Direction.ASC)
                        .on("date", Sort.Direction.ASC).on("session", Sort.Direction.ASC)
                        .unique().named("pool_key_unique"))
                .then(indexes.createIndex(new Index().on(HOLDS + ".referralId", Sort.Direction.ASC).named("holds_referral")))
                .then(indexes.createIndex(new Index().on(RELEASED + ".hold.referralId", Sort.Direction.ASC)
                        .named("released_referral")))
                .then(indexes.createIndex(new Index().on(WAITLIST + ".referralId", Sort.Direction.ASC)
                        .named("waitlist_referral")))
                .then(indexes.createIndex(new Index().on(RESERVE_RELEASED_AT, Sort.Direction.ASC)
                        .on(SESSION_STARTS_AT, Sort.Direction.ASC).named("cutoff_due")))
                .then();
    }

    @Override
    public Mono<Pool> insert(Pool pool) {
        return mongo.insert(PoolDocument.of(pool, List.of()))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new DuplicatePool(pool.key()))
                .thenReturn(pool);
    }

    @Override
    public Mono<Boolean> insertIfAbsent(Pool pool) {
        return mongo.insert(PoolDocument.of(pool, List.of()))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    @Override
    public Mono<Pool> findById(String id) {
        return find(Criteria.where(ID).is(id)).next();
    }

    @Override
    public Flux<Pool> findByInstitutionAndDate(String institutionId, LocalDate date) {
        return find(Criteria.where("institutionId").is(institutionId).and("date").is(date.toString()));
    }

    @Override
    public Flux<Pool> findCandidates(String institutionId, String department, Resource resource, LocalDate from,
                                     LocalDate until) {
        return find(Criteria.where("institutionId").is(institutionId).and("department").is(department)
                .and("resource").is(resource.name()).and("date").gte(from.toString()).lte(until.toString()));
    }

    @Override
    public Flux<Pool> findKnowing(String referralId) {
        return find(knowing(referralId));
    }

    @Override
    public Flux<Pool> findReserveNotReleasedStartingBefore(Instant instant) {
        return find(Criteria.where(RESERVE_RELEASED_AT).is(null).and(SESSION_STARTS_AT).lte(instant));
    }

    @Override
    public Flux<Pool> findStartingAfter(Instant instant) {
        return find(Criteria.where(SESSION_STARTS_AT).gt(instant));
    }

    @Override
    public Mono<Boolean> addHold(String poolId, Hold hold, QuotaEvent.SlotHeld event) {
        Criteria guard = Criteria.where(ID).is(poolId).andOperator(unknown(hold.referralId()));
        if (!hold.greenChannel()) {
            guard = Criteria.where(ID).is(poolId).and(RESERVE_RELEASED_AT).is(null)
                    .andOperator(unknown(hold.referralId()), fieldIsBelow(HELD, RESERVED));
        }
        Query query = new Query(guard);
        return messages.toOutbox(event)
                .map(outbox -> OutboxUpdates.append(new Update()
                        .inc(hold.greenChannel() ? GREEN_CHANNEL_HELD : HELD, 1)
                        .inc(REVISION, 1)
                        .push(HOLDS, PoolDocument.HoldEntry.of(hold)), List.of(outbox)))
                .flatMap(update -> mongo.updateFirst(query, update, PoolDocument.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Pool> enqueue(String poolId, WaitlistEntry entry) {
        Query query = new Query(Criteria.where(ID).is(poolId)
                .andOperator(unknown(entry.referralId()), fieldIsAtLeast(HELD, RESERVED)));
        Update update = new Update()
                .push(WAITLIST, PoolDocument.WaitingEntry.of(entry))
                .push(UNANNOUNCED, entry.referralId())
                .inc(REVISION, 1);
        query.fields().exclude(OutboxFields.OUTBOX);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), PoolDocument.class)
                .map(PoolDocument::toDomain);
    }

    @Override
    public Mono<Boolean> announce(String poolId, String referralId, QuotaEvent.Waitlisted event) {
        Query query = new Query(Criteria.where(ID).is(poolId).and(UNANNOUNCED).is(referralId)
                .and(WAITLIST + ".referralId").is(referralId));
        return messages.toOutbox(event)
                .map(outbox -> OutboxUpdates.append(new Update().pull(UNANNOUNCED, referralId).inc(REVISION, 1),
                        List.of(outbox)))
                .flatMap(update -> mongo.updateFirst(query, update, PoolDocument.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    @Override
    public Mono<Boolean> replace(Pool readAt, PoolChange change) {
        Pool pool = change.pool();
        Query query = new Query(Criteria.where(ID).is(readAt.id()).and(REVISION).is(readAt.revision()));
        return messages.toOutbox(change.events())
                .map(outbox -> OutboxUpdates.append(new Update()
                        .set("capacity", pool.capacity())
                        .set(RESERVED, pool.reserved())
                        .set(HELD, pool.held())
                        .set(GREEN_CHANNEL_HELD, pool.greenChannelHeld())
                        .set(HOLDS, PoolDocument.holdEntries(pool))
                        .set(RELEASED, PoolDocument.releasedEntries(pool))
                        .set(WAITLIST, PoolDocument.waitingEntries(pool))
                        .set(UNANNOUNCED, pool.unannounced())
                        .set(RESERVE_RELEASED_AT, pool.reserveReleasedAt())
                        .set("releasedToPublic", pool.releasedToPublic())
                        .inc(REVISION, 1), outbox))
                .flatMap(update -> mongo.updateFirst(query, update, PoolDocument.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    private Flux<Pool> find(Criteria criteria) {
        Query query = new Query(criteria).with(Sort.by(SESSION_STARTS_AT, "department", "resource"));
        query.fields().exclude(OutboxFields.OUTBOX);
        return mongo.find(query, PoolDocument.class).map(PoolDocument::toDomain);
    }

    /** The pool has never held, released or waitlisted the referral. */
    private static Criteria unknown(String referralId) {
        return Criteria.where(HOLDS + ".referralId").ne(referralId)
                .and(RELEASED + ".hold.referralId").ne(referralId)
                .and(WAITLIST + ".referralId").ne(referralId);
    }

    private static Criteria knowing(String referralId) {
        return new Criteria().orOperator(Criteria.where(HOLDS + ".referralId").is(referralId),
                Criteria.where(RELEASED + ".hold.referralId").is(referralId),
                Criteria.where(WAITLIST + ".referralId").is(referralId));
    }

    /** {@code $expr: {$lt: ["$field", "$limit"]}}: compares two fields of the same document. */
    private static Criteria fieldIsBelow(String field, String limit) {
        return compare("$lt", field, limit);
    }

    private static Criteria fieldIsAtLeast(String field, String limit) {
        return compare("$gte", field, limit);
    }

    private static Criteria compare(String operator, String field, String other) {
        return Criteria.expr(() -> new Document(operator, List.of("$" + field, "$" + other)));
    }
}
