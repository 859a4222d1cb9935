package cn.referral.referral.adapter.out.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

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
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.domain.StaleVersion;
import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.referral.adapter.out.messaging.ReferralEventMessages;
import cn.referral.referral.application.port.in.WorklistPage;
import cn.referral.referral.application.port.in.WorklistQuery;
import cn.referral.referral.application.port.out.DuplicateReferralId;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.Outcome;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoReferralStore implements ReferralStore {

    private final ReactiveMongoTemplate mongo;
    private final ReferralEventMessages messages;

    MongoReferralStore(ReactiveMongoTemplate mongo, ReferralEventMessages messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    /** Worklists, timers and reports query these; the stand-in ignores non-unique indexes, MongoDB uses them. */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(ReferralDocument.COLLECTION);
        return Flux.just(
                        // new names: MongoDB refuses new keys under an existing index's name (the old
                        // incoming_worklist/outgoing_worklist, without receptionRank, may be dropped)
                        new Index().on("toInstitutionId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                                .on("priority", Sort.Direction.DESC).on("receptionRank", Sort.Direction.DESC)
                                .on("submittedAt", Sort.Direction.ASC).named("incoming_worklist_v2"),
                        new Index().on("fromInstitutionId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                                .on("priority", Sort.Direction.DESC).on("receptionRank", Sort.Direction.DESC)
                                .on("submittedAt", Sort.Direction.ASC).named("outgoing_worklist_v2"),
                        new Index().on("nextDeadline", Sort.Direction.ASC).named("due_deadlines"),
                        new Index().on("submittedAt", Sort.Direction.ASC).named("submitted_at"),
                        new Index().on("patientRef", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC)
                                .named("patient_referrals"),
                        new Index().on("regions", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC)
                                .named("region_reports"),
                        new Index().on(ReferralDocument.UP_LINK_PENDING, Sort.Direction.ASC)
                                .on("submittedAt", Sort.Direction.ASC).sparse().named("up_link_pending"))
                .concatMap(indexes::createIndex)
                .then();
    }

    @Override
    public Mono<Referral> find(ReferralId id) {
        return mongo.findById(id.value(), ReferralDocument.class).map(ReferralDocument::toDomain);
    }

    @Override
    public Mono<Referral> insert(Outcome<Referral> created) {
        Referral referral = created.state();
        return messages.toOutbox(referral, created.events())
                .map(outbox -> ReferralDocument.of(referral, outbox))
                .flatMap(mongo::insert)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new DuplicateReferralId(referral.id()))
                .thenReturn(referral);
    }

    /** {@code $set} of the changed state and {@code $push} of its events, guarded by the version: one atomic write. */
    @Override
    public Mono<Referral> update(Outcome<Referral> outcome, long expectedVersion) {
        Referral referral = outcome.state();
        ReferralDocument state = ReferralDocument.of(referral, List.of());
        Query current = new Query(Criteria.where("_id").is(referral.id().value()).and("version").is(expectedVersion));
        return messages.toOutbox(referral, outcome.events())
                .map(outbox -> OutboxUpdates.append(new Update()
                        .set("version", state.version())
                        .set("state", state.state())
                        .set("escalated", state.escalated())
                        .set("acceptedAt", state.acceptedAt())
                        .set("nextDeadline", state.nextDeadline())
                        .set("deadlines", state.deadlines())
                        .set("slot", state.slot())
                        .set("appointment", state.appointment())
                        .set("rejectReason", state.rejectReason())
                        .set("rejectNote", state.rejectNote())
                        .set("cancelReason", state.cancelReason())
                        .set("completion", state.completion())
                        .set("arrivedAt", state.arrivedAt())
                        .set("closedAt", state.closedAt())
                        .set("history", state.history())
                        .set("accepted", state.accepted())
                        .set("secondsToAccept", state.secondsToAccept())
                        .set("downReferralId", state.downReferralId())
                        .unset(ReferralDocument.TIMER_LEASE), outbox))
                .flatMap(update -> mongo.updateFirst(current, update, ReferralDocument.COLLECTION))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(referral)
                        : Mono.error(new StaleVersion("Referral", referral.id().value(), expectedVersion, null)));
    }

    @Override
    public Mono<Referral> claimDue(Instant now, Duration lease) {
        Query due = new Query(new Criteria().andOperator(
                Criteria.where("nextDeadline").lte(now),
                new Criteria().orOperator(
                        Criteria.where(ReferralDocument.TIMER_LEASE).exists(false),
                        Criteria.where(ReferralDocument.TIMER_LEASE).lt(Date.from(now)))))
                .with(Sort.by("nextDeadline"));
        Update claim = new Update().set(ReferralDocument.TIMER_LEASE, Date.from(now.plus(lease)));
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), ReferralDocument.class)
                .map(ReferralDocument::toDomain);
    }

    @Override
    public Flux<Referral> awaitingUpLink(Instant submittedBefore, int limit) {
        Query pending = new Query(Criteria.where(ReferralDocument.UP_LINK_PENDING).is(true)
                .and("submittedAt").lt(submittedBefore)).with(Sort.by("submittedAt")).limit(limit);
        return mongo.find(pending, ReferralDocument.class).map(ReferralDocument::toDomain);
    }

    @Override
    public Mono<Void> upLinkSettled(ReferralId downReferralId) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(downReferralId.value())),
                new Update().unset(ReferralDocument.UP_LINK_PENDING), ReferralDocument.COLLECTION).then();
    }

    @Override
    public Mono<WorklistPage> worklist(WorklistQuery query, InstitutionId institutionId) {
        String side = query.side() == WorklistQuery.Side.INCOMING ? "toInstitutionId" : "fromInstitutionId";
        Criteria criteria = Criteria.where(side).is(institutionId.value())
                .and("state").in(query.states().stream().map(ReferralState::name).toList())
                .and("urgency").in(query.urgencies().stream().map(Enum::name).toList());
        Query page = new Query(criteria)
                .with(Sort.by(Sort.Order.desc("priority"), Sort.Order.desc("receptionRank"),
                        Sort.Order.asc("submittedAt")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return Mono.zip(mongo.find(page, ReferralDocument.class).map(ReferralDocument::toDomain).collectList(),
                        mongo.count(new Query(criteria), ReferralDocument.class))
                .map(found -> new WorklistPage(found.getT1(), found.getT2(), query.page(), query.size()));
    }

    @Override
    public Mono<WorklistPage> ofPatients(Set<String> patientRefs, InstitutionId exceptFromInstitution,
                                         Set<ReferralState> states, int page, int size) {
        Criteria criteria = Criteria.where("patientRef").in(patientRefs)
                .and("fromInstitutionId").ne(exceptFromInstitution.value())
                .and("state").in(states.stream().map(ReferralState::name).toList());
        return page(criteria, Sort.by(Sort.Order.desc("submittedAt")), page, size);
    }

    @Override
    public Mono<WorklistPage> downReferralsDue(InstitutionId hospitalId, int page, int size) {
        Criteria criteria = Criteria.where("toInstitutionId").is(hospitalId.value())
                .and("direction").is(Direction.UP.name())
                .and("state").is(ReferralState.COMPLETED.name())
                .and("completion.downReferralRecommended").is(true)
                .and("downReferralId").is(null);
        return page(criteria, Sort.by(Sort.Order.asc("closedAt")), page, size);
    }

    private Mono<WorklistPage> page(Criteria criteria, Sort order, int page, int size) {
        Query found = new Query(criteria).with(order).skip((long) page * size).limit(size);
        return Mono.zip(mongo.find(found, ReferralDocument.class).map(ReferralDocument::toDomain).collectList(),
                        mongo.count(new Query(criteria), ReferralDocument.class))
                .map(result -> new WorklistPage(result.getT1(), result.getT2(), page, size));
    }
}
