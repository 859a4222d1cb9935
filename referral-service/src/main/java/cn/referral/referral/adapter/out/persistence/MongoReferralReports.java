package cn.referral.referral.adapter.out.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.out.ReferralReports;
import cn.referral.referral.domain.kpi.DiagnosisScopeCount;
import cn.referral.referral.domain.kpi.KpiScope;
import cn.referral.referral.domain.kpi.ReferralCount;
import cn.referral.referral.domain.referral.Direction;
import cn.referral.referral.domain.referral.ReferralScope;
import cn.referral.referral.domain.referral.ReferralState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The KPI counts as MongoDB aggregations: {@code $match} on the period and scope, then {@code $group}.
 * Only plain field paths, {@code $sum} and {@code $group} keys of several fields are used: standard
 * MongoDB, and supported by the mongo-java-server stand-in (checked by {@code ReferralReportsIT}).
 * Per-year grouping is done by one query per calendar year rather than {@code $year} with a time
 * zone, which the stand-in does not support.
 */
@Component
class MongoReferralReports implements ReferralReports {

    private static final List<String> ACCEPTED_STATES = List.of(ReferralState.ACCEPTED.name(),
            ReferralState.ARRIVED.name(), ReferralState.COMPLETED.name(), ReferralState.NO_SHOW.name());

    private final ReactiveMongoTemplate mongo;

    MongoReferralReports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<ReferralCount> counts(Instant from, Instant to, KpiScope scope) {
        Aggregation counting = Aggregation.newAggregation(
                Aggregation.match(criteria(from, to, scope)),
                Aggregation.group("direction", "state", "accepted", "overridden", "escalated").count().as("count"));
        return mongo.aggregate(counting, ReferralDocument.COLLECTION, Document.class).map(row -> {
            Document key = row.get("_id", Document.class);
            return new ReferralCount(Direction.valueOf(key.getString("direction")),
                    ReferralState.valueOf(key.getString("state")), Boolean.TRUE.equals(key.get("accepted")),
                    Boolean.TRUE.equals(key.get("overridden")), Boolean.TRUE.equals(key.get("escalated")),
                    number(row.get("count")));
        });
    }

    @Override
    public Flux<DiagnosisScopeCount> upReferralsByDiagnosisAndScope(Instant from, Instant to, KpiScope scope) {
        Aggregation grouping = Aggregation.newAggregation(
                Aggregation.match(criteria(from, to, scope, Criteria.where("direction").is(Direction.UP.name()))),
                Aggregation.group("diagnosisCategory", "scope").count().as("count"));
        return mongo.aggregate(grouping, ReferralDocument.COLLECTION, Document.class).map(row -> {
            Document key = row.get("_id", Document.class);
            String referralScope = key.getString("scope");
            return new DiagnosisScopeCount(key.getString("diagnosisCategory"),
                    referralScope == null ? null : ReferralScope.valueOf(referralScope), number(row.get("count")));
        });
    }

    @Override
    public Mono<Long> personsReferredToPrimaryCare(Instant from, Instant to, KpiScope scope) {
        Aggregation persons = Aggregation.newAggregation(
                Aggregation.match(criteria(from, to, scope,
                        Criteria.where("direction").is(Direction.DOWN.name()),
                        Criteria.where("hospitalToPrimaryCare").is(true),
                        new Criteria().orOperator(Criteria.where("accepted").is(true),
                                Criteria.where("state").in(ACCEPTED_STATES)))),
                Aggregation.group("patientRef"),
                Aggregation.group().count().as("persons"));
        return mongo.aggregate(persons, ReferralDocument.COLLECTION, Document.class)
                .next().map(row -> number(row.get("persons"))).defaultIfEmpty(0L);
    }

    /** The middle one (or the mean of the middle two) by an indexed sort, skip and limit: two rows read. */
    @Override
    public Mono<Duration> medianTimeToAccept(Instant from, Instant to, KpiScope scope) {
        Criteria accepted = criteria(from, to, scope, Criteria.where("secondsToAccept").ne(null));
        return mongo.count(new Query(accepted), ReferralDocument.COLLECTION).flatMap(n -> {
            if (n == 0) {
                return Mono.empty();
            }
            Query middle = new Query(accepted).with(Sort.by("secondsToAccept")).skip((n - 1) / 2)
                    .limit(n % 2 == 1 ? 1 : 2);
            middle.fields().include("secondsToAccept");
            return mongo.find(middle, Document.class, ReferralDocument.COLLECTION)
                    .map(row -> number(row.get("secondsToAccept")))
                    .collectList()
                    .map(values -> Duration.ofSeconds(values.stream().mapToLong(Long::longValue).sum() / values.size()));
        });
    }

    /** Submitted in {@code [from, to)}, inside the scope, and whatever else is asked. */
    static Criteria criteria(Instant from, Instant to, KpiScope scope, Criteria... more) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("submittedAt").gte(from).lt(to));
        if (scope.institutionIds() != null) {
            List<String> members = scope.institutionIds().stream().map(InstitutionId::value).sorted().toList();
            all.add(new Criteria().orOperator(Criteria.where("fromInstitutionId").in(members),
                    Criteria.where("toInstitutionId").in(members)));
        }
        if (scope.institutionId() != null) {
            all.add(new Criteria().orOperator(Criteria.where("fromInstitutionId").is(scope.institutionId().value()),
                    Criteria.where("toInstitutionId").is(scope.institutionId().value())));
        }
        if (scope.regionPrefix() != null) {
            all.add(Criteria.where("regions").is(scope.regionPrefix()));
        }
        all.addAll(List.of(more));
        return new Criteria().andOperator(all);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
