package cn.referral.billing.application.port.out;

import cn.referral.platform.domain.ReferralId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where reads of decisions and settlement exports are recorded (DESIGN §5), append-only. */
public interface AuditTrail {

    Mono<Void> record(AuditRecord record);

    /** Reads of the referral's decision, oldest first. */
    Flux<AuditRecord> recordsAbout(ReferralId referralId);
}
