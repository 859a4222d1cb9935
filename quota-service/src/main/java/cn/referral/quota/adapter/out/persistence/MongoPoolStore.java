package cn.referral.quota.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.outbox.OutboxFields;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.quota.adapter.out.messaging.QuotaEventMessages;
import cn.referral.quota.application.DuplicatePool;
import cn.referral.quota.application.port.out.PoolStore;
import cn.referral.quota.domain.pool.Hold;
import cn.referral.quota.domain.pool.HoldGuard;
import cn.referral.quota.domain.pool.HoldStatus;
import cn.referral.quota.domain.pool.NewHold;
import cn.referral.quota.domain.pool.Outcome;
import cn.referral.quota.domain.pool.Pool;
import cn.referral.quota.domain.pool.PoolKey;
import cn.referral.quota.domain.pool.PoolTally;
import cn.referral.quota.domain.pool.Resource;
import cn.referral.quota.domain.pool.Session;
import cn.referral.quota.domain.waitlist.WaitlistClass;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pools in MongoDB. The store writes the change the domain produced, as the domain says: a new hold
 * is one {@code $inc} + {@code $push} whose guard is the domain's {@link HoldGuard} translated field
 * by field; other changes are compare-and-set on {@code revision}, which every write increments.
 * The pool document stays small (counters, active and released holds, its outbox): waiting
 * referrals are documents of their own, so the hot pool's updates do not grow with its waitlist.
 */
@Component
class MongoPoolStore implements PoolStore {

    private static final String ID = "_id";
    private static final String HOLDS = "holds";
    private static final String RELEASED = "released";
    private static final String HELD = "held";
    private static final String HELD_OPEN = "heldOpen";
    private static final String RELEASED_TO_PUBLIC = "releasedToPublic";
    private static final String WAITLIST_SEQ = "waitlistSeq";
    /** waiting referrals per class, counted in on joining and out on leaving (with the hold that ends it) */
    private static final String WAITING = "waiting";
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
                .then(indexes.createIndex(new Index().on(HOLDS + ".status", Sort.Direction.ASC)
                        .on(HOLDS + ".expiresAt", Sort.Direction.ASC).named("holds_expiry")))
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
    public Mono<Pool> findById(PoolId id) {
        return find(Criteria.where(ID).is(id.value())).next();
    }

    @Override
    public Flux<PoolId> existing(Collection<PoolId> ids) {
        Query query = Query.query(Criteria.where(ID).in(ids.stream().map(PoolId::value).toList()));
        query.fields().include(ID);
        return mongo.find(query, Document.class, PoolDocument.COLLECTION).map(found -> new PoolId(found.getString(ID)));
    }

    @Override
    public Flux<Pool> findByInstitutionAndDate(InstitutionId institutionId, LocalDate date) {
        return find(Criteria.where("institutionId").is(institutionId.value()).and("date").is(date.toString()));
    }

    /**
     * The counters and key of each pool, and of its holds and released holds only those of the
     * referral ({@code $elemMatch} projections): not the holds of a busy pool, which cost more to send
     * and map than the rest of a placement.
     */
    @Override
    public Flux<PoolTally> findCandidates(InstitutionId institutionId, String department, Resource resource,
                                          LocalDate from, LocalDate until, ReferralId referralId) {
        Query query = new Query(Criteria.where("institutionId").is(institutionId.value())
                .and("department").is(department).and("resource").is(resource.name())
                .and("date").gte(from.toString()).lte(until.toString()))
                .with(Sort.by(SESSION_STARTS_AT, "department", "resource"));
        query.fields().include("institutionId", "department", "resource", "date", "session", RESERVED,
                        SESSION_STARTS_AT, HELD, HELD_OPEN, RESERVE_RELEASED_AT, RELEASED_TO_PUBLIC)
                .elemMatch(HOLDS, Criteria.where("referralId").is(referralId.value()))
                .elemMatch(RELEASED, Criteria.where("hold.referralId").is(referralId.value()));
        return mongo.find(query, Document.class, PoolDocument.COLLECTION).map(MongoPoolStore::tallyOf);
    }

    private static PoolTally tallyOf(Document pool) {
        Set<ReferralId> known = new HashSet<>();
        pool.getList(HOLDS, Document.class, List.of())
                .forEach(hold -> known.add(new ReferralId(hold.getString("referralId"))));
        pool.getList(RELEASED, Document.class, List.of()).forEach(released -> known.add(
                new ReferralId(released.get("hold", Document.class).getString("referralId"))));
        Date reserveReleasedAt = pool.getDate(RESERVE_RELEASED_AT);
        return new PoolTally(new PoolId(pool.getString(ID)),
                new PoolKey(new InstitutionId(pool.getString("institutionId")), pool.getString("department"),
                        Resource.valueOf(pool.getString("resource")), LocalDate.parse(pool.getString("date")),
                        Session.valueOf(pool.getString("session"))),
                pool.getInteger(RESERVED), pool.getDate(SESSION_STARTS_AT).toInstant(), pool.getInteger(HELD, 0),
                pool.getInteger(HELD_OPEN, 0), reserveReleasedAt == null ? null : reserveReleasedAt.toInstant(),
                pool.getInteger(RELEASED_TO_PUBLIC, 0), known);
    }

    @Override
    public Flux<Pool> findHolding(ReferralId referralId) {
        return find(holding(referralId));
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
    public Flux<Pool> findWithHoldsExpiredBy(Instant instant) {
        return find(Criteria.where(HOLDS).elemMatch(Criteria.where("status").is(HoldStatus.HELD.name())
                .and("expiresAt").lte(instant)));
    }

    @Override
    public Mono<Boolean> write(Pool readAt, Outcome<Pool> change) {
        if (change.write() instanceof Outcome.Write.AddHold add) {
            return add(add.newHold());
        }
        if (change.write() instanceof Outcome.Write.Replace) {
            return replace(readAt, change);
        }
        return Mono.just(false);
    }

    @Override
    public Mono<WaitlistTicket> joinWaitlist(PoolId poolId, WaitlistClass joining) {
        Query query = new Query(Criteria.where(ID).is(poolId.value()));
        query.fields().include(WAITLIST_SEQ).include(WAITING);
        return mongo.findAndModify(query, new Update().inc(WAITLIST_SEQ, 1L).inc(WAITING + "." + joining.name(), 1L),
                        FindAndModifyOptions.options().returnNew(true), Document.class, PoolDocument.COLLECTION)
                .map(pool -> new WaitlistTicket(((Number) pool.get(WAITLIST_SEQ)).longValue(), waitingOf(pool)));
    }

    @Override
    public Mono<Void> leftWaitlist(PoolId poolId, WaitlistClass leaving) {
        return mongo.updateFirst(new Query(Criteria.where(ID).is(poolId.value())),
                new Update().inc(WAITING + "." + leaving.name(), -1L), PoolDocument.COLLECTION).then();
    }

    @Override
    public Mono<Long> countedWaiting(PoolId poolId) {
        Query query = new Query(Criteria.where(ID).is(poolId.value()));
        query.fields().include(WAITING);
        return mongo.findOne(query, Document.class, PoolDocument.COLLECTION)
                .map(pool -> waitingOf(pool).values().stream().mapToLong(Long::longValue).sum());
    }

    private static Map<WaitlistClass, Long> waitingOf(Document pool) {
        Map<WaitlistClass, Long> waiting = new EnumMap<>(WaitlistClass.class);
        Object counts = pool.get(WAITING);
        if (counts instanceof Document byClass) {
            byClass.forEach((name, count) -> waiting.put(WaitlistClass.valueOf(name), ((Number) count).longValue()));
        }
        return waiting;
    }

    /**
     * One guarded update: {@code $inc} of the counters, {@code $push} of the hold and its event, only if
     * the stored pool meets the domain's {@link HoldGuard}, translated field by field. Written as plain
     * BSON straight to the driver: Spring Data's query and update mapping against {@link PoolDocument}
     * cost more CPU than the rest of the placement (profile of the hold bench).
     */
    @Override
    public Mono<Boolean> add(NewHold newHold) {
        Hold hold = newHold.hold();
        WaitlistClass fromWaitlist = newHold.fromWaitlist();
        Document inc = new Document(hold.greenChannel() ? GREEN_CHANNEL_HELD : HELD, 1).append(REVISION, 1);
        if (hold.open()) {
            inc.append(HELD_OPEN, 1);
        }
        if (fromWaitlist != null) {
            inc.append(WAITING + "." + fromWaitlist.name(), -1L);
        }
        return messages.toOutbox(newHold.events())
                .map(outbox -> {
                    Document push = new Document(HOLDS, holdOf(hold));
                    if (!outbox.isEmpty()) {
                        push.append(OutboxFields.OUTBOX, new Document("$each",
                                outbox.stream().map(MongoPoolStore::outboxEntryOf).toList()));
                    }
                    return new Document("$inc", inc).append("$push", push);
                })
                .flatMap(update -> mongo.getCollection(PoolDocument.COLLECTION)
                        .flatMap(pools -> Mono.from(pools.updateOne(guardOf(newHold.poolId(), newHold.guard()),
                                update))))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** {@link HoldGuard#admits}, as a filter on the stored pool. */
    static Document guardOf(PoolId poolId, HoldGuard guard) {
        List<Document> conditions = new ArrayList<>();
        // the pool has never held or released the referral
        conditions.add(new Document(HOLDS + ".referralId", new Document("$ne", guard.referralId().value())));
        conditions.add(new Document(RELEASED + ".hold.referralId", new Document("$ne", guard.referralId().value())));
        if (guard.reserveNotReleased()) {
            conditions.add(new Document(RESERVE_RELEASED_AT, null));
        }
        if (guard.openLimit() != null) {
            conditions.add(new Document(HELD_OPEN, new Document("$lt", guard.openLimit())));
        }
        switch (guard.limit()) {
            case NONE -> {
            }
            case WITHIN_RESERVE -> conditions.add(new Document("$expr",
                    new Document("$lt", List.of("$" + HELD, "$" + RESERVED))));
            case WITHIN_UNRELEASED_RESERVE -> conditions.add(new Document("$expr", new Document("$lt", List.of(
                    new Document("$add", List.of("$" + HELD, "$" + RELEASED_TO_PUBLIC)), "$" + RESERVED))));
        }
        return new Document(ID, poolId.value()).append("$and", conditions);
    }

    /** A hold as {@link PoolDocument.HoldEntry} is stored (Spring Data leaves null fields out). */
    private static Document holdOf(Hold hold) {
        PoolDocument.HoldEntry entry = PoolDocument.HoldEntry.of(hold);
        Document stored = new Document("holdId", entry.holdId()).append("referralId", entry.referralId())
                .append("greenChannel", entry.greenChannel()).append("open", entry.open())
                .append("status", entry.status()).append("heldAt", Date.from(entry.heldAt()));
        if (entry.expiresAt() != null) {
            stored.append("expiresAt", Date.from(entry.expiresAt()));
        }
        return stored;
    }

    /** An outbox event as Spring Data stores an {@link OutboxEvent} (null fields left out). */
    private static Document outboxEntryOf(OutboxEvent event) {
        Document stored = new Document(OutboxFields.EVENT_ID, event.eventId()).append("topic", event.topic())
                .append("key", event.key()).append("type", event.type());
        if (event.subject() != null) {
            stored.append("subject", event.subject());
        }
        stored.append("time", Date.from(event.time()));
        if (event.payload() != null) {
            stored.append("payload", event.payload());
        }
        if (event.traceparent() != null) {
            stored.append("traceparent", event.traceparent());
        }
        return stored;
    }

    private Mono<Boolean> replace(Pool readAt, Outcome<Pool> change) {
        Pool pool = change.state();
        Query query = new Query(Criteria.where(ID).is(readAt.id().value()).and(REVISION).is(readAt.revision()));
        return messages.toOutbox(change.events())
                .map(outbox -> OutboxUpdates.append(new Update()
                        .set("capacity", pool.capacity())
                        .set(RESERVED, pool.reserved())
                        .set(HELD, pool.held())
                        .set(HELD_OPEN, pool.heldOpen())
                        .set(GREEN_CHANNEL_HELD, pool.greenChannelHeld())
                        .set(HOLDS, PoolDocument.holdEntries(pool))
                        .set(RELEASED, PoolDocument.releasedEntries(pool))
                        .set(RESERVE_RELEASED_AT, pool.reserveReleasedAt())
                        .set(RELEASED_TO_PUBLIC, pool.releasedToPublic())
                        .inc(REVISION, 1), outbox))
                .flatMap(update -> mongo.updateFirst(query, update, PoolDocument.class))
                .map(result -> result.getModifiedCount() == 1);
    }

    private Flux<Pool> find(Criteria criteria) {
        Query query = new Query(criteria).with(Sort.by(SESSION_STARTS_AT, "department", "resource"));
        query.fields().exclude(OutboxFields.OUTBOX);
        return mongo.find(query, PoolDocument.class).map(PoolDocument::toDomain);
    }


    private static Criteria holding(ReferralId referralId) {
        return new Criteria().orOperator(Criteria.where(HOLDS + ".referralId").is(referralId.value()),
                Criteria.where(RELEASED + ".hold.referralId").is(referralId.value()));
    }

}
