package cn.referral.billing.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.InstitutionDirectory;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.platform.mongo.MongoLocalView;
import reactor.core.publisher.Mono;

/** Local view of {@code registry.institutions.v1}: the level of every institution. */
@Component
class MongoInstitutionView implements InstitutionDirectory {

    static final String COLLECTION = "institution_view";

    private final ReactiveMongoTemplate mongo;
    private final LocalView<Institution, InstitutionId> view;

    MongoInstitutionView(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.view = new MongoLocalView<>(mongo, COLLECTION, InstitutionId::value, Institution::id, Institution::version,
                InstitutionViewDocument::fields);
    }

    @Override
    public Mono<Institution> find(InstitutionId institutionId) {
        return mongo.findById(institutionId.value(), InstitutionViewDocument.class, COLLECTION)
                .map(InstitutionViewDocument::toDomain);
    }

    @Override
    public LocalView<Institution, InstitutionId> view() {
        return view;
    }

    record InstitutionViewDocument(@Id String id, String level, String regionCode, boolean active, long version,
                                   String name, String medinsCode) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Institution institution) {
            return new Update()
                    .set("level", institution.level().name())
                    .set("regionCode", institution.regionCode())
                    .set("active", institution.active())
                    .set("name", institution.name())
                    .set("medinsCode", institution.medinsCode());
        }

        Institution toDomain() {
            return new Institution(new InstitutionId(id), InstitutionLevel.valueOf(level), regionCode, active, version,
                    name, medinsCode);
        }
    }
}
