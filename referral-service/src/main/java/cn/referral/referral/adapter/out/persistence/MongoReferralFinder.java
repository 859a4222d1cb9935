package cn.referral.referral.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.referral.application.port.in.ReferralPage;
import cn.referral.referral.application.port.in.ReferralSearch;
import cn.referral.referral.application.port.out.ReferralFinder;
import cn.referral.referral.domain.referral.ReferralState;
import reactor.core.publisher.Mono;

/**
 * Searches the referral documents by their top-level fields (the worklist indexes cover the
 * institution criteria). The caller's visibility is one more criterion, so paging counts only what
 * the caller may see.
 */
@Component
class MongoReferralFinder implements ReferralFinder {

    private final ReactiveMongoTemplate mongo;

    MongoReferralFinder(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<ReferralPage> search(ReferralSearch search, Visibility visibility) {
        if (search.states() != null && search.states().isEmpty()) {
            return Mono.just(new ReferralPage(java.util.List.of(), 0, search.offset(), search.count()));
        }
        Criteria criteria = criteria(search, visibility);
        Sort.Direction direction = search.newestFirst() ? Sort.Direction.DESC : Sort.Direction.ASC;
        Query page = new Query(criteria).with(Sort.by(direction, "submittedAt", "_id"))
                .skip(search.offset()).limit(search.count());
        return Mono.zip(mongo.find(page, ReferralDocument.class).map(ReferralDocument::toDomain).collectList(),
                        mongo.count(new Query(criteria), ReferralDocument.class))
                .map(found -> new ReferralPage(found.getT1(), found.getT2(), search.offset(), search.count()));
    }

    private static Criteria criteria(ReferralSearch search, Visibility visibility) {
        List<Criteria> all = new ArrayList<>();
        if (search.referralId() != null) {
            all.add(Criteria.where("_id").is(search.referralId().value()));
        }
        if (search.fromInstitutionId() != null) {
            all.add(Criteria.where("fromInstitutionId").is(search.fromInstitutionId().value()));
        }
        if (search.toInstitutionId() != null) {
            all.add(Criteria.where("toInstitutionId").is(search.toInstitutionId().value()));
        }
        if (search.patientRef() != null) {
            all.add(Criteria.where("patientRef").is(search.patientRef()));
        }
        if (search.states() != null) {
            all.add(Criteria.where("state").in(search.states().stream().map(ReferralState::name).sorted().toList()));
        }
        switch (visibility.scope()) {
            case ALL -> { }
            case TARGET -> all.add(Criteria.where("toInstitutionId").is(visibility.institutionId().value()));
            case SOURCE_OR_TARGET -> all.add(new Criteria().orOperator(
                    Criteria.where("fromInstitutionId").is(visibility.institutionId().value()),
                    Criteria.where("toInstitutionId").is(visibility.institutionId().value())));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }
}
