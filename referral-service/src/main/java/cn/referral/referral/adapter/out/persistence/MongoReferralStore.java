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

import cn.referral.platform.outbox.OutboxUpdates;
import cn.referral.referral.adapter.out.messaging.ReferralEventMessages;
import cn.referral.referral.application.port.in.WorklistPage;
import cn.referral.referral.application.port.in.WorklistQuery;
import cn.referral.referral.application.port.out.DuplicateReferralId;
import cn.referral.referral.application.port.out.ReferralStore;
import cn.referral.referral.application.port.out.StaleReferral;
import cn.referral.referral.domain.kpi.ReferralFact;
import cn.referral.referral.domain.referral.Decision;
import cn.referral.referral.domain.referral.Direction;
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
                        new Index().on("toInstitutionId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                                .on("priority", Sort.Direction.DESC).on("submittedAt", Sort.Direction.ASC)
                                .named("incoming_worklist"),
                        new Index().on("fromInstitutionId", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
                                .on("priority", Sort.Direction.DESC).on("submittedAt", Sort.Direction.ASC)
                                .named("outgoing_worklist"),
                        new Index().on("nextDeadline", Sort.Direction.ASC).named("due_deadlines"),
                        new Index().on("submittedAt", Sort.Direction.ASC).named("submitted_at"))
                .concatMap(indexes::createIndex)
                .then();
    }

    @Override
    public Mono<Referral> find(String id) {
        return mongo.findById(id, ReferralDocument.class).map(ReferralDocument::toDomain);
    }

    @Override
    public Mono<Referral> insert(Decision<Referral> created) {
        Referral referral = created.state();
        return messages.toOutbox(referral, created.events())
                .map(outbox -> ReferralDocument.of(referral, outbox))
                .flatMap(mongo::insert)
                .onErrorMap(DuplicateKeyException.class, duplicate -> new DuplicateReferralId(referral.id()))
                .thenReturn(referral);
    }

    /** {@code $set} of the changed state and {@code $push} of its events, guarded by the version: one atomic write. */
    @Override
    public Mono<Referral> update(Decision<Referral> decision, long expectedVersion) {
        Referral referral = decision.state();
        ReferralDocument state = ReferralDocument.of(referral, List.of());
        Query current = new Query(Criteria.where("_id").is(referral.id()).and("version").is(expectedVersion));
        return messages.toOutbox(referral, decision.events())
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
                        .unset(ReferralDocument.TIMER_LEASE), outbox))
                .flatMap(update -> mongo.updateFirst(current, update, ReferralDocument.COLLECTION))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(referral)
                        : Mono.error(new StaleReferral(referral.id(), expectedVersion)));
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
    public Mono<WorklistPage> worklist(WorklistQuery query, String institutionId) {
        String side = query.side() == WorklistQuery.Side.INCOMING ? "toInstitutionId" : "fromInstitutionId";
        Criteria criteria = Criteria.where(side).is(institutionId)
                .and("state").in(query.states().stream().map(ReferralState::name).toList())
                .and("urgency").in(query.urgencies().stream().map(Enum::name).toList());
        Query page = new Query(criteria)
                .with(Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("submittedAt")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return Mono.zip(mongo.find(page, ReferralDocument.class).map(ReferralDocument::toDomain).collectList(),
                        mongo.count(new Query(criteria), ReferralDocument.class))
                .map(found -> new WorklistPage(found.getT1(), found.getT2(), query.page(), query.size()));
    }

    @Override
    public Flux<ReferralFact> facts(Instant from, Instant to, Set<String> institutions) {
        Criteria criteria = Criteria.where("submittedAt").gte(from).lt(to);
        if (institutions != null) {
            criteria = criteria.orOperator(Criteria.where("fromInstitutionId").in(institutions),
                    Criteria.where("toInstitutionId").in(institutions));
        }
        return mongo.find(new Query(criteria), ReferralFactDocument.class, ReferralDocument.COLLECTION)
                .map(ReferralFactDocument::toFact);
    }

    /** The few fields a report reads: no patient data, no history. */
    record ReferralFactDocument(String id, String direction, String state, String diagnosisCode, boolean overridden,
                                boolean escalated, Instant submittedAt, Instant acceptedAt) {

        ReferralFact toFact() {
            return new ReferralFact(id, Direction.valueOf(direction), ReferralState.valueOf(state), diagnosisCode,
                    overridden, escalated, submittedAt, acceptedAt);
        }
    }
}
