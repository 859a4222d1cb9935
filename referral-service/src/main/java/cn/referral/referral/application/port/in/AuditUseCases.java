package cn.referral.referral.application.port.in;

import cn.referral.platform.security.Caller;
import cn.referral.referral.application.port.out.AuditRecord;
import reactor.core.publisher.Flux;

public interface AuditUseCases {

    /** Who read a referral's patient data, for auditors only. */
    Flux<AuditRecord> trail(String referralId, Caller caller);
}
