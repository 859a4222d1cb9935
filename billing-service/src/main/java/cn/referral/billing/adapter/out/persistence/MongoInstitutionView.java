package cn.referral.billing.adapter.out.persistence;

import cn.referral.platform.mongo.LocalViews;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.domain.Institution;
import cn.referral.billing.domain.InstitutionLevel;
import cn.referral.platform.domain.InstitutionId;
import reactor.core.publisher.Mono;

/** Local view of {@code registry.institutions.v1}: the level of every institution. */
@Component
class MongoInstitutionView implements InstitutionDirectory {

    static final String COLLECTION = "institution_view";

    private final ReactiveMongoTemplate mongo;

    MongoInstitutionView(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Institution> find(InstitutionId institutionId) {
        return mongo.findById(institutionId.value(), InstitutionViewDocument.class, COLLECTION)
                .map(InstitutionViewDocument::toDomain);
    }

    @Override
    public Mono<Boolean> keepIfNewer(Institution institution) {
        return LocalViews.keepIfNewer(mongo, COLLECTION, institution.id().value(), institution.version(), new Update()
                .set("level", institution.level().name())
                .set("regionCode", institution.regionCode())
                .set("active", institution.active())
                .set("name", institution.name())
                .set("medinsCode", institution.medinsCode()));
    }

    @Override
    public Mono<Void> remove(InstitutionId institutionId) {
        return LocalViews.remove(mongo, COLLECTION, institutionId.value());
    }

    record InstitutionViewDocument(@Id String id, String level, String regionCode, boolean active, long version,
                                   String name, String medinsCode) {

        Institution toDomain() {
            return new Institution(new InstitutionId(id), InstitutionLevel.valueOf(level), regionCode, active, version,
                    name, medinsCode);
        }
    }
}
