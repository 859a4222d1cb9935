package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import cn.referral.billing.domain.SettlementDay;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.outbox.OutboxUpdates;
import reactor.core.publisher.Mono;

/**
 * The two writes a decision and a 转院备案 filing share, each a document keyed by its referral with its
 * events in the same write: the first one, once per referral, and its revocation, only from the state that
 * allows it.
 */
final class RevocableDocuments {

    private RevocableDocuments() {
    }

    /** Inserts the document; false when the referral has one already (a redelivery, or a closed referral). */
    static Mono<Boolean> insertOnce(ReactiveMongoTemplate mongo, Mono<?> document, String collection) {
        return document.flatMap(toInsert -> mongo.insert(toInsert, collection))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, known -> Mono.just(false));
    }

    /** One conditional update: only a document still {@code liveStatus} is revoked, state and events together. */
    static Mono<Boolean> revoke(ReactiveMongoTemplate mongo, String collection, String referralId, String liveStatus,
                                String status, String reason, Instant at, Mono<List<OutboxEvent>> events) {
        Query stillLive = new Query(Criteria.where("_id").is(referralId).and("status").is(liveStatus));
        return events
                .map(outbox -> OutboxUpdates.append(new Update()
                        .set("status", status)
                        .set("revocationReason", reason)
                        .set("revokedAt", at)
                        .set("revokedDay", SettlementDay.of(at).toString()), outbox))
                .flatMap(update -> mongo.updateFirst(stillLive, update, collection))
                .map(result -> result.getModifiedCount() == 1);
    }
}
