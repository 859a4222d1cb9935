package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.billing.adapter.out.messaging.DecisionEventMessages;
import cn.referral.billing.application.port.out.DecisionStore;
import cn.referral.billing.domain.CareType;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.billing.domain.decision.DecisionEvent;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.decision.DecisionStatus;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.billing.domain.decision.Direction;
import cn.referral.billing.domain.decision.ReferralEligibility;
import cn.referral.billing.domain.decision.ReferredCare;
import cn.referral.billing.domain.decision.SourceEpisode;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.policy.RuleCode;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class MongoDecisionStore implements DecisionStore {

    private final ReactiveMongoTemplate mongo;
    private final RevocableDocuments<DeductibleDecision, DecisionEvent> documents;
    private final PatientDataCrypto crypto;

    MongoDecisionStore(ReactiveMongoTemplate mongo, DecisionEventMessages messages, PatientDataCrypto crypto) {
        this.mongo = mongo;
        this.documents = new RevocableDocuments<>(mongo, DecisionDocument.COLLECTION, messages::toOutbox);
        this.crypto = crypto;
    }

    /** Look-ups by decision id and by settlement day (the referral id is the document id, unique by construction). */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(DecisionDocument.COLLECTION);
        return indexes.createIndex(new Index("decisionId", Sort.Direction.ASC).named("decision_id"))
                .then(indexes.createIndex(new Index("issuedDay", Sort.Direction.ASC).named("issued_day")))
                .then(indexes.createIndex(new Index("revokedDay", Sort.Direction.ASC).named("revoked_day")))
                .then();
    }

    @Override
    public Mono<Boolean> knows(ReferralId referralId) {
        return mongo.exists(byReferral(referralId), DecisionDocument.COLLECTION);
    }

    @Override
    public Mono<Boolean> insertIssued(Outcome<DeductibleDecision, DecisionEvent> change) {
        return documents.insertOnce(change, this::toDocument);
    }

    @Override
    public Mono<Boolean> rememberClosed(ReferralId referralId, ClosingReason reason, Instant at) {
        return documents.insertOnce(DecisionDocument.closed(referralId.value(), reason.name(), at));
    }

    /** One conditional update: only a decision still ISSUED is revoked, state and events together. */
    @Override
    public Mono<Boolean> saveRevocation(Outcome<DeductibleDecision, DecisionEvent> change) {
        return documents.revoke(change, DecisionStatus.ISSUED);
    }

    @Override
    public Mono<DeductibleDecision> findByReferral(ReferralId referralId) {
        return findDecision(byReferral(referralId));
    }

    @Override
    public Mono<DeductibleDecision> findById(DecisionId decisionId) {
        return findDecision(new Query(Criteria.where("decisionId").is(decisionId.value())));
    }

    @Override
    public Flux<DeductibleDecision> issuedOn(LocalDate day, RegionCode region) {
        return findDecisions(onDay("issuedDay", day, region));
    }

    @Override
    public Flux<DeductibleDecision> revokedOn(LocalDate day, RegionCode region) {
        return findDecisions(onDay("revokedDay", day, region));
    }

    private static Query byReferral(ReferralId referralId) {
        return new Query(Criteria.where("_id").is(referralId.value()));
    }

    private static Query onDay(String field, LocalDate day, RegionCode region) {
        Criteria criteria = Criteria.where(field).is(day.toString());
        if (region != null) {
            criteria = criteria.and("regionCode").is(region.value());
        }
        return new Query(criteria);
    }

    private Mono<DeductibleDecision> findDecision(Query query) {
        return findDecisions(query).next();
    }

    private Flux<DeductibleDecision> findDecisions(Query query) {
        query.addCriteria(Criteria.where("status").in(DecisionStatus.ISSUED.name(), DecisionStatus.REVOKED.name()));
        return mongo.find(query, DecisionDocument.class, DecisionDocument.COLLECTION).map(this::toDomain);
    }

    private DecisionDocument toDocument(DeductibleDecision decision, List<OutboxEvent> outbox) {
        ReferredCare care = decision.care();
        DeductibleAssessment assessment = decision.assessment();
        SourceEpisode episode = care.sourceEpisode();
        return new DecisionDocument(care.referralId().value(), decision.status().name(), decision.decisionId().value(),
                care.direction().name(), care.careType().name(), care.scheme().name(), care.region().value(),
                crypto.seal(decision.insuredPersonNo().value(), insuredPersonNoOf(care.referralId().value())),
                care.from().id().value(), care.from().level().name(), care.to().id().value(), care.to().level().name(),
                episode == null || episode.admissionDate() == null ? null : episode.admissionDate().toString(),
                episode == null ? null : episode.deductiblePaid().value(), assessment.rule().name(),
                Fen.valueOrNull(assessment.standardDeductible()), assessment.alreadyPaid().value(),
                Fen.valueOrNull(assessment.waived()), Fen.valueOrNull(assessment.payable()),
                Identifier.valueOrNull(assessment.allianceId()),
                assessment.sameAlliance(),
                assessment.policyBasis(), decision.validFrom().toString(), decision.validUntil().toString(),
                decision.issuedAt(), SettlementDay.of(decision.issuedAt()).toString(), null, null, null, null, null,
                outbox, episode == null || episode.dischargedOn() == null ? null : episode.dischargedOn().toString(),
                care.eligibility().name(), care.admittedOn().toString(),
                assessment.policyRegion() == null ? null : assessment.policyRegion().value(),
                assessment.scheduleRegion() == null ? null : assessment.scheduleRegion().value());
    }

    private static LocalDate date(String isoDate) {
        return isoDate == null ? null : LocalDate.parse(isoDate);
    }

    private DeductibleDecision toDomain(DecisionDocument d) {
        SourceEpisode episode = d.sourceDeductiblePaidFen() == null ? null : new SourceEpisode(
                date(d.sourceAdmissionDate()), date(d.sourceDischargedOn()), Fen.of(d.sourceDeductiblePaidFen()));
        ReferredCare care = new ReferredCare(new ReferralId(d.referralId()), Direction.valueOf(d.direction()),
                CareType.valueOf(d.careType()), InsuranceScheme.valueOf(d.insuranceScheme()),
                new RegionCode(d.regionCode()),
                new Institution(new InstitutionId(d.fromInstitutionId()), InstitutionLevel.valueOf(d.fromLevel()),
                        null, true, 0),
                new Institution(new InstitutionId(d.toInstitutionId()), InstitutionLevel.valueOf(d.toLevel()), null,
                        true, 0), episode,
                d.eligibility() == null ? ReferralEligibility.UNKNOWN : ReferralEligibility.valueOf(d.eligibility()),
                d.admittedOn() != null ? LocalDate.parse(d.admittedOn()) : LocalDate.parse(d.validFrom()));
        DeductibleAssessment assessment = new DeductibleAssessment(RuleCode.valueOf(d.rule()),
                Fen.ofNullable(d.standardDeductibleFen()), Fen.of(d.alreadyPaidFen()), Fen.ofNullable(d.waivedFen()),
                Fen.ofNullable(d.payableFen()), d.allianceId() == null ? null : new AllianceId(d.allianceId()),
                Boolean.TRUE.equals(d.sameAlliance()), d.policyBasis(),
                d.policyRegionCode() == null ? null : new RegionCode(d.policyRegionCode()),
                d.scheduleRegionCode() == null ? null : new RegionCode(d.scheduleRegionCode()));
        InsuredPersonNo insured = new InsuredPersonNo(crypto.unseal(d.insuredPersonNoSealed(), insuredPersonNoOf(d.referralId())));
        return new DeductibleDecision(new DecisionId(d.decisionId()), care, insured, assessment,
                LocalDate.parse(d.validFrom()), LocalDate.parse(d.validUntil()), d.issuedAt(),
                DecisionStatus.valueOf(d.status()),
                d.revocationReason() == null ? null : ClosingReason.valueOf(d.revocationReason()), d.revokedAt());
    }

    /** The decision's insured person number is sealed for its own document (keyed by referral id) and field. */
    static SealContext insuredPersonNoOf(String referralId) {
        return new SealContext(DecisionDocument.COLLECTION, referralId, "insuredPersonNo");
    }
}
