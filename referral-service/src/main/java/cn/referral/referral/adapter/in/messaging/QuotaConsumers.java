package cn.referral.referral.adapter.in.messaging;

import static cn.referral.platform.events.published.QuotaTopics.RESERVE_RELEASED;
import static cn.referral.platform.events.published.QuotaTopics.SLOT_CONFIRMED;
import static cn.referral.platform.events.published.QuotaTopics.SLOT_HELD;
import static cn.referral.platform.events.published.QuotaTopics.SLOT_RELEASED;
import static cn.referral.platform.events.published.QuotaTopics.UNAVAILABLE;
import static cn.referral.platform.events.published.QuotaTopics.WAITLISTED;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.platform.domain.HoldId;
import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.PoolId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.MalformedEventException;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.ReserveReleasedV1;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.SlotConfirmedV1;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.SlotHeldV1;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.SlotReleasedV1;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.UnavailableV1;
import cn.referral.referral.adapter.in.messaging.QuotaMessagesV1.WaitlistedV1;
import cn.referral.referral.application.port.in.QuotaSagaUseCases;
import cn.referral.referral.domain.referral.SlotHold;

/** The referral side of the slot saga: quota's answers to {@code referral.submitted.v1} and what follows. */
@Configuration(proxyBeanMethods = false)
class QuotaConsumers {

    /** Bound to {@code quota.events.v1} as {@code quotaEvents-in-0}. */
    @Bean
    Consumer<Message<byte[]>> quotaEvents(EventConsumers consumers, QuotaSagaUseCases saga) {
        return consumers.consumer("referral-quota-saga")
                .on(SLOT_HELD, SlotHeldV1.class, (event, held) -> saga.slotHeld(referralId(event, held.referralId()),
                        new SlotHold(new HoldId(held.holdId()), pool(held.poolId()), held.date(), held.session(),
                                held.greenChannel()),
                        knownInstitution(held.institutionId())))
                .on(WAITLISTED, WaitlistedV1.class,
                        (event, waitlisted) -> saga.waitlisted(referralId(event, waitlisted.referralId()),
                                pool(waitlisted.poolId()), waitlisted.position()))
                .on(UNAVAILABLE, UnavailableV1.class,
                        (event, unavailable) -> saga.unavailable(referralId(event, unavailable.referralId()),
                                unavailable.reason()))
                .on(SLOT_CONFIRMED, SlotConfirmedV1.class,
                        (event, confirmed) -> saga.slotConfirmed(referralId(event, confirmed.referralId()),
                                hold(confirmed.holdId())))
                .on(SLOT_RELEASED, SlotReleasedV1.class,
                        (event, released) -> saga.slotReleased(referralId(event, released.referralId()),
                                hold(released.holdId()), released.reason()))
                .on(RESERVE_RELEASED, ReserveReleasedV1.class,
                        (event, released) -> saga.reserveReleased(event.id(), pool(released.poolId()),
                                knownInstitution(released.institutionId()), released.units(), event.time()))
                .build();
    }

    /** Every answer of quota's is about one referral: one without its id is malformed. */
    private static ReferralId referralId(IncomingEvent event, String referralId) {
        if (referralId == null || referralId.isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") has no referralId");
        }
        return new ReferralId(referralId);
    }

    /** The pool's institution, kept with the slot facts the utilization KPI counts; a blank one names none. */
    private static InstitutionId knownInstitution(String institutionId) {
        return Identifier.ofValueOrNull(institutionId, InstitutionId::new);
    }

    /** A confirmation or release that names no hold is read as before: it matches no held unit. */
    private static HoldId hold(String holdId) {
        return Identifier.ofValueOrNull(holdId, HoldId::new);
    }

    private static PoolId pool(String poolId) {
        return Identifier.ofValueOrNull(poolId, PoolId::new);
    }
}
