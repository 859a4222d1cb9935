package cn.referral.referral.application;

import cn.referral.platform.application.NotPermitted;
import cn.referral.platform.security.Caller;
import cn.referral.platform.security.Role;
import cn.referral.referral.application.port.in.AuditUseCases;
import cn.referral.referral.application.port.out.AuditRecord;
import cn.referral.referral.application.port.out.AuditTrail;
import reactor.core.publisher.Flux;

public class AuditService implements AuditUseCases {

    private final AuditTrail trail;

    public AuditService(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Flux<AuditRecord> trail(String referralId, Caller caller) {
        if (!caller.has(Role.AUDITOR)) {
            return Flux.error(new NotPermitted("auditors-only", "Only auditors read the audit trail"));
        }
        return trail.recordsAbout(referralId);
    }
}
