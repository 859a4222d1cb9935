package cn.referral.billing.adapter.out.persistence;

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
import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;
import cn.referral.platform.mongo.MongoLocalView;
import reactor.core.publisher.Flux;

/** Local view of {@code registry.alliances.v1}: type and members of every alliance. */
@Component
class MongoAllianceView implements AllianceDirectory {

    static final String COLLECTION = "alliance_view";

    private final ReactiveMongoTemplate mongo;
    private final LocalView<Alliance, AllianceId> view;

    MongoAllianceView(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.view = new MongoLocalView<>(mongo, COLLECTION, AllianceId::value, Alliance::id, Alliance::version,
                AllianceViewDocument::fields);
    }

    @Override
    public Flux<Alliance> including(Collection<InstitutionId> institutionIds) {
        return mongo.find(new Query(Criteria.where("memberInstitutionIds")
                        .in(institutionIds.stream().map(InstitutionId::value).toList())),
                AllianceViewDocument.class, COLLECTION).map(AllianceViewDocument::toDomain);
    }

    @Override
    public LocalView<Alliance, AllianceId> view() {
        return view;
    }

    record AllianceViewDocument(@Id String id, String type, String regionCode, List<String> memberInstitutionIds,
                                boolean active, long version) {

        /** The fields of the document, from the registry's snapshot. */
        static Update fields(Alliance alliance) {
            return new Update()
                    .set("type", alliance.type().name())
                    .set("regionCode", alliance.regionCode())
                    .set("memberInstitutionIds",
                            alliance.memberInstitutionIds().stream().map(InstitutionId::value).toList())
                    .set("active", alliance.active());
        }

        Alliance toDomain() {
            return new Alliance(new AllianceId(id), AllianceType.valueOf(type), regionCode,
                    memberInstitutionIds == null ? Set.of() : memberInstitutionIds.stream().map(InstitutionId::new)
                            .collect(Collectors.toSet()), active, version);
        }
    }
}
