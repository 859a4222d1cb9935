package cn.referral.quota.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalViews;
import cn.referral.quota.application.port.out.ReferenceViews;
import reactor.core.publisher.Mono;

/**
 * Quota's local views of the registry's compacted topics: the region of each institution (for the
 * region's reserve policy) and family-doctor contracts, keyed by contract id (so removing one
 * contract and signing a new one for the same patient never hides the new one), found by patientRef.
 */
@Component
class MongoReferenceViews implements ReferenceViews {

    static final String INSTITUTIONS = "institution_view";
    static final String CONTRACTS = "contract_view";

    private final ReactiveMongoTemplate mongo;

    public MongoReferenceViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Optional<String>> regionOf(InstitutionId institutionId) {
        return mongo.findById(institutionId.value(), Document.class, INSTITUTIONS)
                .map(found -> Optional.ofNullable(found.getString("regionCode")))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Optional<InstitutionId>> contractedPrimaryOf(String patientRef, LocalDate day) {
        // validUntil is exclusive; dates are stored as ISO strings, which sort as dates
        Query valid = new Query(Criteria.where("patientRef").is(patientRef).and("active").is(true)
                .and("validFrom").lte(day.toString())
                .orOperator(Criteria.where("validUntil").is(null), Criteria.where("validUntil").gt(day.toString())))
                .with(Sort.by(Sort.Direction.DESC, "validFrom")).limit(1);
        return mongo.findOne(valid, Document.class, CONTRACTS)
                .map(found -> Optional.ofNullable(
                        Identifier.ofValueOrNull(found.getString("primaryInstitutionId"), InstitutionId::new)))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Boolean> keepInstitution(InstitutionId institutionId, String regionCode, long version) {
        return LocalViews.keepIfNewer(mongo, INSTITUTIONS, institutionId.value(), version,
                new Update().set("regionCode", regionCode));
    }

    @Override
    public Mono<Void> removeInstitution(InstitutionId institutionId) {
        return LocalViews.remove(mongo, INSTITUTIONS, institutionId.value());
    }

    @Override
    public Mono<Boolean> keepContract(ContractId contractId, String patientRef, InstitutionId primaryInstitutionId,
                                          LocalDate validFrom, LocalDate validUntil, boolean active, long version) {
        return LocalViews.keepIfNewer(mongo, CONTRACTS, contractId.value(), version, new Update()
                .set("patientRef", patientRef)
                .set("primaryInstitutionId", Identifier.valueOrNull(primaryInstitutionId))
                .set("validFrom", validFrom == null ? null : validFrom.toString())
                .set("validUntil", validUntil == null ? null : validUntil.toString())
                .set("active", active));
    }

    @Override
    public Mono<Void> removeContract(ContractId contractId) {
        return LocalViews.remove(mongo, CONTRACTS, contractId.value());
    }
}
