package cn.referral.referral.adapter.out.persistence;

import java.util.HashMap;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.referral.platform.audit.AuditChain;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.application.port.out.AuditTrail;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code audit} collection: append-only records of who read which referral's patient data,
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
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("referralId", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("audit_by_referral")).then(chain.ensureIndexes());
    }

    @Override
    public Mono<Void> record(AuditRecord record) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("actorId", record.actorId());
        fields.put("role", record.role());
        fields.put("institutionId", record.institutionId());
        fields.put("referralId", record.referralId());
        fields.put("action", record.action());
        fields.put("purpose", record.purpose());
        return chain.append(record.auditId(), record.at(), fields);
    }

    @Override
    public Flux<AuditRecord> forReferral(String referralId) {
        return mongo.find(new Query(Criteria.where("referralId").is(referralId)).with(Sort.by("at")),
                AuditDocument.class, COLLECTION).map(AuditDocument::toRecord);
    }

    record AuditDocument(String id, java.time.Instant at, String actorId, String role, String institutionId,
                         String referralId, String action, String purpose) {

        static AuditDocument of(AuditRecord record) {
            return new AuditDocument(record.auditId(), record.at(), record.actorId(), record.role(),
                    record.institutionId(), record.referralId(), record.action(), record.purpose());
        }

        AuditRecord toRecord() {
            return new AuditRecord(id, at, actorId, role, institutionId, referralId, action, purpose);
        }
    }
}
