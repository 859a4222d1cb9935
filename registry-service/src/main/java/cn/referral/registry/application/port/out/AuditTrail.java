package cn.referral.registry.application.port.out;

import cn.referral.platform.domain.ContractId;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only record of who read which contract's patient data. */
public interface AuditTrail {

    Mono<Void> record(AuditRecord record);

    /** The reads of one contract, newest first. */
    Flux<AuditRecord> recordsAbout(ContractId contractId);
}
