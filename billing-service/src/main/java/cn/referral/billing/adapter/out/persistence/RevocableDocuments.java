package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.billing.domain.decision.RevocableRecord;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.outbox.OutboxUpdates;
import reactor.core.publisher.Mono;

/**
 * The two writes a decision and a 转院备案 filing share, each a document keyed by its referral with its
 * events in the same write: the first one, once per referral, and its revocation, only from the state that
 * allows it. One per collection, with the mapping of its aggregate's events ({@code E}) to outbox records.
 */
final class RevocableDocuments<S extends RevocableRecord, E> {

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Function<List<E>, Mono<List<OutboxEvent>>> toOutbox;

    RevocableDocuments(ReactiveMongoTemplate mongo, String collection,
                       Function<List<E>, Mono<List<OutboxEvent>>> toOutbox) {
        this.mongo = mongo;
        this.collection = collection;
        this.toOutbox = toOutbox;
    }

    /** Inserts the changed state as {@code toDocument} stores it with its events; false as {@link #insertOnce(Object)}. */
    Mono<Boolean> insertOnce(Outcome<S, E> change, BiFunction<S, List<OutboxEvent>, ?> toDocument) {
        return insert(toOutbox.apply(change.events()).map(outbox -> toDocument.apply(change.state(), outbox)));
    }

    /** Inserts the document; false when the referral has one already (a redelivery, or a closed referral). */
    Mono<Boolean> insertOnce(Object document) {
        return insert(Mono.just(document));
    }

    private Mono<Boolean> insert(Mono<?> document) {
        return document.flatMap(toInsert -> mongo.insert(toInsert, collection))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, known -> Mono.just(false));
    }

    /** One conditional update: only a document still {@code liveStatus} is revoked, state and events together. */
    Mono<Boolean> revoke(Outcome<S, E> change, Enum<?> liveStatus) {
        S revoked = change.state();
        Instant at = revoked.revokedAt();
        Query stillLive = new Query(Criteria.where("_id").is(revoked.referralId().value())
                .and("status").is(liveStatus.name()));
        return toOutbox.apply(change.events())
                .map(outbox -> OutboxUpdates.append(new Update()
                        .set("status", revoked.status().name())
                        .set("revocationReason", revoked.revocationReason().name())
                        .set("revokedAt", at)
                        .set("revokedDay", SettlementDay.of(at).toString()), outbox))
                .flatMap(update -> mongo.updateFirst(stillLive, update, collection))
                .map(result -> result.getModifiedCount() == 1);
    }
}
