package cn.referral.referral.adapter.out.persistence;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.application.port.out.IdempotencyKeys;
import reactor.core.publisher.Mono;

/** One document per caller and Idempotency-Key; its {@code _id} makes the key unique. */
@Component
class MongoIdempotencyKeys implements IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    MongoIdempotencyKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<Reservation> find(String key) {
        return mongo.findById(key, KeyDocument.class, COLLECTION).map(KeyDocument::toReservation);
    }

    @Override
    public Mono<Reservation> reserve(Reservation reservation) {
        KeyDocument document = new KeyDocument(reservation.key(), reservation.fingerprint(), reservation.referralId().value(),
                clock.instant());
        return mongo.insert(document, COLLECTION).map(KeyDocument::toReservation)
                .onErrorResume(DuplicateKeyException.class, raced -> find(reservation.key()));
    }

    @Document(COLLECTION)
    record KeyDocument(@Id String key, String fingerprint, String referralId, Instant createdAt) {

        Reservation toReservation() {
            return new Reservation(key, fingerprint, new ReferralId(referralId));
        }
    }
}
