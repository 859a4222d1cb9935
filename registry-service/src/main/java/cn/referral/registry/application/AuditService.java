package cn.referral.registry.application;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.domain.ContractId;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.registry.application.port.in.AuditUseCases;
import cn.referral.registry.application.port.out.AuditTrail;
import cn.referral.registry.domain.audit.AuditRecord;
import reactor.core.publisher.Flux;

public class AuditService implements AuditUseCases {

    private final AuditTrail trail;

    public AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Flux<AuditRecord> trail(ContractId contractId, Caller caller) {
        if (caller == null || !caller.has(Role.AUDITOR)) {
            return Flux.error(new NotPermitted("auditors-only", "Only an auditor (AUDITOR) reads the audit trail"));
        }
        return trail.recordsAbout(contractId);
    }
}
