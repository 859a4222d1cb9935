package cn.referral.billing.adapter.out.persistence;

import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.out.AuditRecord;
import cn.referral.billing.application.port.out.AuditTrail;
import cn.referral.platform.audit.AuditChain;
import cn.referral.platform.audit.AuditStore;
import cn.referral.platform.domain.ReferralId;
import reactor.core.publisher.Flux;

/**
 * The {@code audit} collection: append-only records of who read which decision or settlement day,
 * hash-chained per day ({@link AuditStore}; auditors verify it at {@code GET /audit/chain?day=}).
 * A referral's records are read in chain order.
 */
@Component
class MongoAuditTrail extends AuditStore<AuditRecord, MongoAuditTrail.AuditDocument> implements AuditTrail {

    private static final Lookup BY_REFERRAL = new Lookup("referralId", Sort.Direction.ASC, "audit_by_referral",
            Sort.by("at", "chainSeq"));

    MongoAuditTrail(ReactiveMongoTemplate mongo, AuditChain chain) {
        super(mongo, chain, BY_REFERRAL, AuditDocument.class);
    }

    @Override
    public Flux<AuditRecord> recordsAbout(ReferralId referralId) {
        return recordsAbout(referralId.value());
    }

    @Override
    protected AuditDocument entryOf(AuditRecord record) {
        return new AuditDocument(record.auditId(), record.at(), record.actorId(), record.role(),
                record.institutionId(), record.regionCode(), record.action(), record.referralId(),
                record.decisionId(), record.settlementDay(), record.purpose(), record.insuredPersonNoInFull());
    }

    @Override
    protected AuditRecord recordOf(AuditDocument entry) {
        return new AuditRecord(entry.id(), entry.at(), entry.actorId(), entry.role(), entry.institutionId(),
                entry.regionCode(), entry.action(), entry.referralId(), entry.decisionId(), entry.settlementDay(),
                entry.purpose(), entry.insuredPersonNoInFull());
    }

    record AuditDocument(String id, Instant at, String actorId, String role, String institutionId, String regionCode,
                         String action, String referralId, String decisionId, String settlementDay, String purpose,
                         boolean insuredPersonNoInFull) {
    }
}
