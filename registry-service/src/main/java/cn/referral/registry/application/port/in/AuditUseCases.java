package cn.referral.registry.application.port.in;

import cn.referral.platform.domain.ContractId;
import cn.referral.platform.security.Caller;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;

public interface AuditUseCases {

    /** Who read a contract's patient data, newest first; for auditors only ({@code NotPermitted} otherwise). */
    Flux<AuditRecord> trail(ContractId contractId, Caller caller);
}
