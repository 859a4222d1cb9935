package cn.referral.referral.adapter.out.persistence;

import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import cn.referral.platform.audit.AuditChain;
import cn.referral.platform.audit.AuditStore;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.application.port.out.AuditTrail;
import reactor.core.publisher.Flux;

/**
 * The {@code audit} collection: append-only records of who read which referral's patient data,
 * hash-chained per day ({@link AuditStore}; auditors verify it at {@code GET /audit/chain?day=}).
 * A referral's records are read in time order.
 */
@Component
class MongoAuditTrail extends AuditStore<AuditRecord, MongoAuditTrail.AuditDocument> implements AuditTrail {

    private static final Lookup BY_REFERRAL = new Lookup("referralId", Sort.Direction.ASC, "audit_by_referral",
            Sort.by("at"));

    MongoAuditTrail(ReactiveMongoTemplate mongo, AuditChain chain) {
        super(mongo, chain, BY_REFERRAL, AuditDocument.class);
    }

    @Override
    protected AuditDocument entryOf(AuditRecord record) {
        return new AuditDocument(record.auditId(), record.at(), record.actorId(), record.role(),
                Identifier.valueOrNull(record.institutionId()), record.referralId().value(),
                record.action(), record.purpose());
    }

    @Override
    protected AuditRecord recordOf(AuditDocument entry) {
        return new AuditRecord(entry.id(), entry.at(), entry.actorId(), entry.role(),
                entry.institutionId() == null ? null : new InstitutionId(entry.institutionId()),
                new ReferralId(entry.referralId()), entry.action(), entry.purpose());
    }

    @Override
    public Flux<AuditRecord> recordsAbout(ReferralId referralId) {
        return recordsAbout(referralId.value());
    }

    record AuditDocument(String id, Instant at, String actorId, String role, String institutionId,
                         String referralId, String action, String purpose) {
    }
}
