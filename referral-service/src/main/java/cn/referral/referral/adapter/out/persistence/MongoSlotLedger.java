package cn.referral.referral.adapter.out.persistence;

import java.time.Instant;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.out.SlotLedger;
import cn.referral.referral.domain.kpi.SlotFacts;
import reactor.core.publisher.Mono;

/** Facts of reserved units from quota's events, one document per fact id (so a replay counts once). */
@Component
class MongoSlotLedger implements SlotLedger {

    static final String COLLECTION = "slot_facts";

    private final ReactiveMongoTemplate mongo;

    MongoSlotLedger(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<String> ensureIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC).named("slot_fact_time"));
    }

    @Override
    public Mono<Void> record(String factId, Kind kind, InstitutionId institutionId, long units, Instant at) {
        return mongo.insert(new SlotFactDocument(factId, kind.name(), Identifier.valueOrNull(institutionId),
                        units, at), COLLECTION)
                .then()
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty());
    }

    /** Units per kind, summed by the database ({@code $match}, {@code $group} with {@code $sum}). */
    @Override
    public Mono<SlotFacts> between(Instant from, Instant to, Set<InstitutionId> institutions) {
        Criteria criteria = Criteria.where("at").gte(from).lt(to);
        if (institutions != null) {
            criteria = criteria.and("institutionId").in(institutions.stream().map(InstitutionId::value).toList());
        }
        Aggregation units = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("kind").sum("units").as("units"));
        return mongo.aggregate(units, COLLECTION, Document.class)
                .reduce(new SlotFacts(0, 0, 0), (sum, row) -> {
                    long n = ((Number) row.get("units")).longValue();
                    return switch (Kind.valueOf(row.getString("_id"))) {
                        case HELD -> new SlotFacts(sum.held() + n, sum.confirmed(), sum.releasedUnused());
                        case CONFIRMED -> new SlotFacts(sum.held(), sum.confirmed() + n, sum.releasedUnused());
                        case RELEASED_UNUSED -> new SlotFacts(sum.held(), sum.confirmed(), sum.releasedUnused() + n);
                    };
                });
    }

    record SlotFactDocument(@Id String id, String kind, String institutionId, long units, Instant at) {
    }
}
