package cn.referral.billing.adapter.out.persistence;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.PolicyStore;
import cn.referral.billing.domain.network.AllianceType;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.policy.Seed;
import cn.referral.billing.domain.region.PolicyRule;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.billing.domain.region.RegionPolicy;
import cn.referral.billing.domain.region.Scope;
import reactor.core.publisher.Mono;

/**
 * Region policies keyed by region code; a PUT replaces the rules with one {@code $set} and bumps the
 * version. Policies stored before {@code sameStayMaxGapDays}, {@code seed} and {@code overridesQualify}
 * read as gap 1, no seed, catalog referrals only.
 */
@Component
class MongoPolicyStore implements PolicyStore {

    static final String COLLECTION = "policies";

    private final ReplacedDocuments<RegionPolicy> documents;

    MongoPolicyStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.documents = new ReplacedDocuments<>(mongo, clock, COLLECTION, MongoPolicyStore::toDomain);
    }

    @Override
    public Mono<RegionPolicy> save(RegionPolicy policy) {
        List<Document> rules = policy.rules().stream()
                .map(rule -> new Document("rule", rule.rule().name())
                        .append("scope", rule.scope().name())
                        .append("allianceTypes", rule.allianceTypes().stream().map(Enum::name).sorted().toList())
                        .append("basis", rule.basis())
                        .append("seed", rule.seed() == null ? null : rule.seed().name())
                        .append("overridesQualify", rule.overridesQualify()))
                .toList();
        Update update = new Update()
                .set("description", policy.description())
                .set("policyBasis", policy.policyBasis())
                .set("sameStayMaxGapDays", policy.sameStayMaxGapDays())
                .set("rules", rules);
        return documents.replace(policy.region().value(), update);
    }

    @Override
    public Mono<RegionPolicy> find(RegionCode region) {
        return documents.find(region.value());
    }

    private static RegionPolicy toDomain(Document document) {
        List<PolicyRule> rules = document.getList("rules", Document.class, List.of()).stream()
                .map(rule -> {
                    Set<AllianceType> types = EnumSet.noneOf(AllianceType.class);
                    rule.getList("allianceTypes", String.class, List.of())
                            .forEach(type -> types.add(AllianceType.valueOf(type)));
                    String seed = rule.getString("seed");
                    return new PolicyRule(RuleCode.valueOf(rule.getString("rule")),
                            Scope.valueOf(rule.getString("scope")), types, rule.getString("basis"),
                            seed == null ? null : Seed.valueOf(seed), Boolean.TRUE.equals(rule.getBoolean("overridesQualify")));
                })
                .toList();
        Number gap = (Number) document.get("sameStayMaxGapDays");
        return new RegionPolicy(new RegionCode(document.getString("_id")), document.getString("description"),
                document.getString("policyBasis"), rules,
                gap == null ? RegionPolicy.DEFAULT_SAME_STAY_MAX_GAP_DAYS : gap.intValue(),
                ((Number) document.get("version")).longValue());
    }
}
