package cn.referral.registry.adapter.out.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.audit.AuditChain;
import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code audit} collection: append-only records of who read which contract's patient data,
 * hash-chained per day ({@link AuditChain}; auditors verify it at {@code GET /audit/chain?day=}).
 */
@Component
class MongoAuditTrail implements AuditTrail {

    static final String COLLECTION = "audit";

    private final ReactiveMongoTemplate mongo;
    private final AuditChain chain;

    MongoAuditTrail(ReactiveMongoTemplate mongo, AuditChain chain) {
        this.mongo = mongo;
        this.chain = chain;
    }

    Mono<String> ensureIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("audit_by_contract")).then(chain.ensureIndexes());
    }

    @Override
    public Mono<Void> record(AuditRecord record) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("subject", record.subject());
        fields.put("roles", record.roles());
        fields.put("institutionId", record.institutionId());
        fields.put("contractId", record.contractId());
        fields.put("patientRef", record.patientRef());
        fields.put("purpose", record.purpose());
        fields.put("action", record.action());
        return chain.append(record.id(), record.at(), fields);
    }

    @Override
    public Flux<AuditRecord> forContract(String contractId) {
        return mongo.find(new Query(Criteria.where("contractId").is(contractId))
                                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))),
                        AuditDocument.class, COLLECTION)
                .map(AuditDocument::toRecord);
    }

    record AuditDocument(String id, Instant at, String subject, List<String> roles, String institutionId,
                         String contractId, String patientRef, String purpose, String action) {

        static AuditDocument of(AuditRecord record) {
            return new AuditDocument(record.id(), record.at(), record.subject(), record.roles(),
                    record.institutionId(), record.contractId(), record.patientRef(), record.purpose(),
                    record.action());
        }

        AuditRecord toRecord() {
            return new AuditRecord(id, at, subject, roles, institutionId, contractId, patientRef, purpose, action);
        }
    }
}
