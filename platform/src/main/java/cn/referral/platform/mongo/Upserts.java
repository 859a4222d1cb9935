package cn.referral.platform.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;

import reactor.core.publisher.Mono;

/**
 * Upserts of a document that may not exist yet. When two upserts of a new {@code _id} run at once,
 * MongoDB lets one insert and fails the other with a duplicate key; the loser's second try finds the
 * document the winner inserted and updates it, so one retry is enough.
 */
public final class Upserts {

    private Upserts() {
    }

    /** Upserts, and upserts once more if a concurrent upsert won the insert ({@link DuplicateKeyException}). */
    public static Mono<UpdateResult> upsertRetryingALostInsert(ReactiveMongoTemplate mongo, Query query,
                                                               UpdateDefinition update, String collection) {
        return mongo.upsert(query, update, collection)
                .onErrorResume(DuplicateKeyException.class, lostTheInsert -> mongo.upsert(query, update, collection));
    }
}
