package cn.referral.registry.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import cn.referral.platform.audit.AuditChain;
import cn.referral.platform.audit.AuditStore;
import cn.referral.platform.domain.ContractId;
import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;

/**
 * The {@code audit} collection: append-only records of who read which contract's patient data,
 * hash-chained per day ({@link AuditStore}; auditors verify it at {@code GET /audit/chain?day=}).
 * A contract's records are read newest first.
 */
@Component
class MongoAuditTrail extends AuditStore<AuditRecord, MongoAuditTrail.AuditDocument> implements AuditTrail {

    private static final Lookup BY_CONTRACT = new Lookup("contractId", Sort.Direction.DESC, "audit_by_contract",
            Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")));

    MongoAuditTrail(ReactiveMongoTemplate mongo, AuditChain chain) {
        super(mongo, chain, BY_CONTRACT, AuditDocument.class);
    }

    @Override
    public Flux<AuditRecord> recordsAbout(ContractId contractId) {
        return recordsAbout(contractId.value());
    }

    @Override
    protected AuditDocument entryOf(AuditRecord record) {
        return new AuditDocument(record.id(), record.at(), record.subject(), record.roles(), record.institutionId(),
                record.contractId().value(), record.patientRef(), record.purpose(), record.action());
    }

    @Override
    protected AuditRecord recordOf(AuditDocument entry) {
        return new AuditRecord(entry.id(), entry.at(), entry.subject(), entry.roles(), entry.institutionId(),
                new ContractId(entry.contractId()), entry.patientRef(), entry.purpose(), entry.action());
    }

    record AuditDocument(String id, Instant at, String subject, List<String> roles, String institutionId,
                         String contractId, String patientRef, String purpose, String action) {
    }
}
