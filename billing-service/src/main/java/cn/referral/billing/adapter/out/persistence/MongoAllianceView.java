package cn.referral.billing.adapter.out.persistence;

import cn.referral.platform.mongo.LocalViews;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.AllianceDirectory;
import cn.referral.billing.domain.Alliance;
import cn.referral.billing.domain.AllianceType;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
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
    public Flux<Alliance> including(Collection<InstitutionId> institutionIds) {
        return mongo.find(new Query(Criteria.where("memberInstitutionIds")
                        .in(institutionIds.stream().map(InstitutionId::value).toList())),
                AllianceViewDocument.class, COLLECTION).map(AllianceViewDocument::toDomain);
    }

    @Override
    public Mono<Boolean> keepIfNewer(Alliance alliance) {
        return LocalViews.keepIfNewer(mongo, COLLECTION, alliance.id().value(), alliance.version(), new Update()
                .set("type", alliance.type().name())
                .set("regionCode", alliance.regionCode())
                .set("memberInstitutionIds",
                        alliance.memberInstitutionIds().stream().map(InstitutionId::value).toList())
                .set("active", alliance.active()));
    }

    @Override
    public Mono<Void> remove(AllianceId allianceId) {
        return LocalViews.remove(mongo, COLLECTION, allianceId.value());
    }

    record AllianceViewDocument(@Id String id, String type, String regionCode, List<String> memberInstitutionIds,
                                boolean active, long version) {

        Alliance toDomain() {
            return new Alliance(new AllianceId(id), AllianceType.valueOf(type), regionCode,
                    memberInstitutionIds == null ? Set.of() : memberInstitutionIds.stream().map(InstitutionId::new)
                            .collect(Collectors.toSet()), active, version);
        }
    }
}
