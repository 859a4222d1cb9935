package cn.referral.referral.adapter.out.persistence;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.referral.adapter.out.persistence.MongoReferenceData.AllianceDocument;
import cn.referral.referral.application.port.out.AllianceMembership;
import cn.referral.referral.domain.network.Alliance;
import cn.referral.referral.domain.network.InstitutionId;
import reactor.core.publisher.Flux;

/** Alliances of the local view that list an institution among their members (leads, hub and grids included). */
@Component
class MongoAllianceMembership implements AllianceMembership {

    private final ReactiveMongoTemplate mongo;

    MongoAllianceMembership(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<Alliance> alliancesOf(InstitutionId institutionId) {
        Query members = Query.query(Criteria.where("memberInstitutionIds").is(institutionId.value())).with(Sort.by("_id"));
        return mongo.find(members, AllianceDocument.class, MongoReferenceData.ALLIANCES)
                .map(AllianceDocument::toDomain);
    }
}
