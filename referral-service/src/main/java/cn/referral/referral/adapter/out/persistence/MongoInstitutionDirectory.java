package cn.referral.referral.adapter.out.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import reactor.core.publisher.Mono;

@Component
class MongoInstitutionDirectory implements InstitutionDirectory {

    static final String COLLECTION = "institution_view";

    private final ReactiveMongoTemplate mongo;

    MongoInstitutionDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Institution> find(String id) {
        return mongo.findById(id, InstitutionViewDocument.class, COLLECTION).map(InstitutionViewDocument::toDomain);
    }

    /**
     * One conditional upsert: it matches only an older version. When a newer one is held the
     * upsert collides on {@code _id}, which means "stale, keep what we have".
     */
    @Override
    public Mono<Boolean> keepIfNewer(Institution snapshot) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(snapshot.id()).and("version").lt(snapshot.version()));
        Update state = new Update()
                .set("name", snapshot.name())
                .set("level", snapshot.level().name())
                .set("regionCode", snapshot.regionCode())
                .set("active", snapshot.active())
                .set("version", snapshot.version());
        return mongo.upsert(olderOrAbsent, state, COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.just(false));
    }

    @Override
    public Mono<Void> remove(String id) {
        return mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    @Document(COLLECTION)
    record InstitutionViewDocument(@Id String id, String name, String level, String regionCode, boolean active,
                                   long version) {

        Institution toDomain() {
            return new Institution(id, name, InstitutionLevel.valueOf(level), regionCode, active, version);
        }
    }
}
