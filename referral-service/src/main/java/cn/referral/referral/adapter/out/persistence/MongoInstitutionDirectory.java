package cn.referral.referral.adapter.out.persistence;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.platform.mongo.MongoLocalView;
import cn.referral.referral.application.port.out.InstitutionDirectory;
import cn.referral.referral.domain.network.Institution;
import cn.referral.referral.domain.network.InstitutionLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoInstitutionDirectory implements InstitutionDirectory {

    static final String COLLECTION = "institution_view";

    private final ReactiveMongoTemplate mongo;
    private final LocalView<Institution, InstitutionId> view;

    MongoInstitutionDirectory(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.view = new MongoLocalView<>(mongo, COLLECTION, InstitutionId::value, Institution::id, Institution::version,
                InstitutionViewDocument::fields);
    }

    @Override
    public Mono<Institution> find(InstitutionId id) {
        return mongo.findById(id.value(), InstitutionViewDocument.class, COLLECTION).map(InstitutionViewDocument::toDomain);
    }

    @Override
    public LocalView<Institution, InstitutionId> view() {
        return view;
    }

    @Override
    public Flux<InstitutionId> idsInRegion(String regionPrefix) {
        Query inRegion = new Query(Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix)));
        inRegion.fields().include("_id");
        return mongo.find(inRegion, org.bson.Document.class, COLLECTION)
                .map(row -> new InstitutionId(row.getString("_id")));
    }

    @Document(COLLECTION)
    record InstitutionViewDocument(@Id String id, String name, String level, String regionCode, boolean active,
                                   long version, List<String> departments, String kind) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Institution snapshot) {
            return new Update()
                    .set("name", snapshot.name())
                    .set("level", snapshot.level().name())
                    .set("regionCode", snapshot.regionCode())
                    .set("active", snapshot.active())
                    .set("departments", snapshot.departments())
                    .set("kind", snapshot.kind());
        }

        Institution toDomain() {
            return new Institution(new InstitutionId(id), name, InstitutionLevel.valueOf(level), regionCode, active,
                    version, departments, kind);
        }
    }
}
