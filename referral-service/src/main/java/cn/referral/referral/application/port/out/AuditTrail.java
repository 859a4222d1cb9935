package cn.referral.referral.application.port.out;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import cn.referral.platform.domain.ReferralId;

public interface AuditTrail {

    Mono<Void> record(AuditRecord record);

    Flux<AuditRecord> recordsAbout(ReferralId referralId);
}
