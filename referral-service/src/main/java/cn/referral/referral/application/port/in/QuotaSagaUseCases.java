package cn.referral.referral.application.port.in;

import java.time.Instant;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.referral.domain.referral.SlotHold;
import reactor.core.publisher.Mono;

/** What quota-service tells the referral saga; each is idempotent at the referral. */
public interface QuotaSagaUseCases {

    Mono<Void> slotHeld(ReferralId referralId, SlotHold hold, InstitutionId institutionId);

    Mono<Void> waitlisted(ReferralId referralId, PoolId poolId, int position);

    Mono<Void> unavailable(ReferralId referralId, String reason);

    Mono<Void> slotConfirmed(ReferralId referralId, HoldId holdId);

    Mono<Void> slotReleased(ReferralId referralId, HoldId holdId, String reason);

    /** Reserved units nobody held were handed to the public schedule: counted for utilization. */
    Mono<Void> reserveReleased(String eventId, PoolId poolId, InstitutionId institutionId, long units, Instant at);
}
