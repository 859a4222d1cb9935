package cn.referral.billing.adapter.out.persistence;

import cn.referral.platform.mongo.LocalViews;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.domain.Alliance;
import cn.referral.billing.domain.AllianceType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Local view of {@code registry.alliances.v1}: type and members of every alliance. */
@Component
class MongoAllianceView implements AllianceDirectory {

    static final String COLLECTION = "alliance_view";

    private final ReactiveMongoTemplate mongo;

    MongoAllianceView(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<Alliance> including(Collection<String> institutionIds) {
        return mongo.find(new Query(Criteria.where("memberInstitutionIds").in(institutionIds)),
                AllianceViewDocument.class, COLLECTION).map(AllianceViewDocument::toDomain);
    }

    @Override
    public Mono<Boolean> keepIfNewer(Alliance alliance) {
        return LocalViews.keepIfNewer(mongo, COLLECTION, alliance.id(), alliance.version(), new Update()
                .set("type", alliance.type().name())
                .set("regionCode", alliance.regionCode())
                .set("memberInstitutionIds", List.copyOf(alliance.memberInstitutionIds()))
                .set("active", alliance.active()));
    }

    @Override
    public Mono<Void> remove(String allianceId) {
        return LocalViews.remove(mongo, COLLECTION, allianceId);
    }

    record AllianceViewDocument(@Id String id, String type, String regionCode, List<String> memberInstitutionIds,
                                boolean active, long version) {

        Alliance toDomain() {
            return new Alliance(id, AllianceType.valueOf(type), regionCode,
                    memberInstitutionIds == null ? Set.of() : Set.copyOf(memberInstitutionIds), active, version);
        }
    }
}
