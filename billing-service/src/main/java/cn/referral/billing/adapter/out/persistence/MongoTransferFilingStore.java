package cn.referral.billing.adapter.out.persistence;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.billing.adapter.out.messaging.TransferFilingMessages;
import cn.referral.billing.adapter.out.persistence.TransferFilingDocument.InstitutionPart;
import cn.referral.billing.application.port.out.TransferFilingStore;
import cn.referral.billing.domain.InsuranceScheme;
import cn.referral.billing.domain.InsuredPersonNo;
import cn.referral.billing.domain.Outcome;
import cn.referral.billing.domain.SettlementDay;
import cn.referral.billing.domain.decision.ClosingReason;
import cn.referral.billing.domain.decision.DecisionId;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.FilingId;
import cn.referral.billing.domain.filing.FilingStatus;
import cn.referral.billing.domain.filing.TransferFiling;
import cn.referral.billing.domain.network.Institution;
import cn.referral.billing.domain.network.InstitutionLevel;
import cn.referral.billing.domain.region.RegionCode;
import cn.referral.platform.crypto.PatientDataCrypto;
import cn.referral.platform.crypto.SealContext;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.OutboxEvent;
import reactor.core.publisher.Mono;

@Component
class MongoTransferFilingStore implements TransferFilingStore, SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;
    private final RevocableDocuments<TransferFiling, FilingEvent> documents;
    private final PatientDataCrypto crypto;

    MongoTransferFilingStore(ReactiveMongoTemplate mongo, TransferFilingMessages messages, PatientDataCrypto crypto) {
        this.mongo = mongo;
        this.documents = new RevocableDocuments<>(mongo, TransferFilingDocument.COLLECTION, messages::toOutbox);
        this.crypto = crypto;
    }

    /** Look-up by filing id (the referral id is the document id); created at startup, before any event. */
    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(TransferFilingDocument.COLLECTION)
                .createIndex(new Index("filingId", Sort.Direction.ASC).named("filing_id"))
                .block(Duration.ofSeconds(30));
    }

    @Override
    public Mono<Boolean> insertRegistered(Outcome<TransferFiling, FilingEvent> change) {
        return documents.insertOnce(change, this::toDocument);
    }

    /** One conditional update: only a filing still REGISTERED is revoked, state and events together. */
    @Override
    public Mono<Boolean> saveRevocation(Outcome<TransferFiling, FilingEvent> change) {
        return documents.revoke(change, FilingStatus.REGISTERED);
    }

    @Override
    public Mono<TransferFiling> findByReferral(ReferralId referralId) {
        return mongo.findById(referralId.value(), TransferFilingDocument.class, TransferFilingDocument.COLLECTION)
                .map(this::toDomain);
    }

    @Override
    public Mono<TransferFiling> findById(FilingId filingId) {
        return mongo.findOne(Query.query(Criteria.where("filingId").is(filingId.value())), TransferFilingDocument.class,
                TransferFilingDocument.COLLECTION).map(this::toDomain);
    }

    private TransferFilingDocument toDocument(TransferFiling filing, List<OutboxEvent> outbox) {
        return new TransferFilingDocument(filing.referralId().value(), filing.filingId().value(),
                filing.status().name(), filing.decisionId().value(),
                crypto.seal(filing.insuredPersonNo().value(), insuredPersonNoOf(filing.referralId().value())),
                filing.scheme().name(),
                filing.insuringRegion().value(), part(filing.referring()), part(filing.receiving()),
                filing.diagnosisCode(), filing.diagnosisName(), filing.conditionDescription(), filing.reason(),
                filing.beginDate().toString(), filing.endDate().toString(), filing.registeredAt(),
                SettlementDay.of(filing.registeredAt()).toString(), null, null, null, outbox);
    }

    private static InstitutionPart part(Institution institution) {
        return new InstitutionPart(institution.id().value(), institution.level().name(), institution.regionCode(),
                institution.name(), institution.medinsCode());
    }

    private static Institution institution(InstitutionPart part) {
        return new Institution(new InstitutionId(part.id()), InstitutionLevel.valueOf(part.level()), part.regionCode(),
                true, 0, part.name(), part.medinsCode());
    }

    private TransferFiling toDomain(TransferFilingDocument d) {
        return new TransferFiling(new FilingId(d.filingId()), new ReferralId(d.referralId()),
                new DecisionId(d.decisionId()),
                new InsuredPersonNo(crypto.unseal(d.insuredPersonNoSealed(), insuredPersonNoOf(d.referralId()))), InsuranceScheme.valueOf(d.insuranceScheme()),
                new RegionCode(d.insuringRegion()), institution(d.referring()), institution(d.receiving()),
                d.diagnosisCode(), d.diagnosisName(), d.conditionDescription(), d.reason(),
                LocalDate.parse(d.beginDate()), LocalDate.parse(d.endDate()), d.registeredAt(),
                FilingStatus.valueOf(d.status()),
                d.revocationReason() == null ? null : ClosingReason.valueOf(d.revocationReason()), d.revokedAt());
    }

    /** A filing's sealed number opens only in its own document and field (docs/patient-data-keys.md). */
    static SealContext insuredPersonNoOf(String referralId) {
        return new SealContext(TransferFilingDocument.COLLECTION, referralId, "insuredPersonNo");
    }
}
