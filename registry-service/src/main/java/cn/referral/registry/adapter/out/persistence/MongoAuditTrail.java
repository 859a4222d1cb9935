package cn.referral.registry.adapter.out.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code audit} collection: append-only records of who read which contract's patient data. */
@Component
class MongoAuditTrail implements AuditTrail {

    static final String COLLECTION = "audit";

    private final ReactiveMongoTemplate mongo;

    MongoAuditTrail(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<String> ensureIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("contractId", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("audit_by_contract"));
    }

    @Override
    public Mono<Void> record(AuditRecord record) {
        return mongo.insert(AuditDocument.of(record), COLLECTION).then();
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
