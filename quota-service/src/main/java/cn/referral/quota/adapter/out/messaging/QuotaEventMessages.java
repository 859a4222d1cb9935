package cn.referral.quota.adapter.out.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.published.QuotaTopics;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.ReserveReleasedV1;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.SlotConfirmedV1;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.SlotHeldV1;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.SlotReleasedV1;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.UnavailableV1;
import cn.referral.quota.adapter.out.messaging.QuotaWireRecords.WaitlistedV1;
import cn.referral.quota.domain.QuotaEvent;
import cn.referral.quota.domain.pool.Hold;
import cn.referral.quota.domain.pool.PoolKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps ledger events to the v1 messages other services read; referral events keyed by referral, pool events by pool. */
@Component
public class QuotaEventMessages {

    private final EventFactory events;

    public QuotaEventMessages(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(List<? extends QuotaEvent> domainEvents) {
        return Flux.fromIterable(domainEvents).concatMap(this::toOutbox).collectList();
    }

    public Mono<OutboxEvent> toOutbox(QuotaEvent event) {
        if (event instanceof QuotaEvent.SlotHeld held) {
            PoolKey key = held.pool().key();
            Hold hold = held.hold();
            return referralEvent(QuotaTopics.SLOT_HELD, hold.referralId(), new SlotHeldV1(hold.referralId().value(),
                    hold.holdId().value(), held.pool().poolId().value(), key.institutionId().value(),
                    key.department(), key.resource().name(), key.date(), key.session().name(), hold.expiresAt(),
                    hold.greenChannel(), held.occurredAt()));
        }
        if (event instanceof QuotaEvent.Waitlisted waitlisted) {
            return referralEvent(QuotaTopics.WAITLISTED, waitlisted.referralId(),
                    new WaitlistedV1(waitlisted.referralId().value(), waitlisted.pool().poolId().value(),
                            waitlisted.position(), waitlisted.occurredAt()));
        }
        if (event instanceof QuotaEvent.Unavailable unavailable) {
            return referralEvent(QuotaTopics.UNAVAILABLE, unavailable.referralId(),
                    new UnavailableV1(unavailable.referralId().value(), unavailable.reason(),
                            unavailable.explanation(), unavailable.occurredAt()));
        }
        if (event instanceof QuotaEvent.SlotConfirmed confirmed) {
            Hold hold = confirmed.hold();
            return referralEvent(QuotaTopics.SLOT_CONFIRMED, hold.referralId(), new SlotConfirmedV1(
                    hold.referralId().value(), hold.holdId().value(), confirmed.pool().poolId().value(),
                    confirmed.poolRevision(), confirmed.occurredAt()));
        }
        if (event instanceof QuotaEvent.SlotReleased released) {
            Hold hold = released.hold();
            return referralEvent(QuotaTopics.SLOT_RELEASED, hold.referralId(), new SlotReleasedV1(
                    hold.referralId().value(), hold.holdId().value(), released.pool().poolId().value(),
                    released.reason().name(), released.poolRevision(), released.occurredAt()));
        }
        QuotaEvent.ReserveReleased reserve = (QuotaEvent.ReserveReleased) event;
        PoolKey key = reserve.pool().key();
        return events.event(QuotaTopics.EVENTS, QuotaTopics.RESERVE_RELEASED, reserve.pool().poolId().value(),
                new ReserveReleasedV1(reserve.pool().poolId().value(), key.institutionId().value(), key.department(),
                        key.resource().name(), key.date(), key.session().name(), reserve.units(),
                        reserve.poolRevision(), reserve.occurredAt()));
    }

    private Mono<OutboxEvent> referralEvent(String type, ReferralId referralId, Object payload) {
        return events.event(QuotaTopics.EVENTS, type, referralId.value(), payload);
    }
}
