package cn.referral.quota.adapter.in.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import cn.referral.platform.domain.Identifier;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.IncomingEvent;
import cn.referral.platform.events.MalformedEventException;
import cn.referral.platform.events.published.ReferralTopics;
import cn.referral.platform.inbox.EventInProgressException;
import cn.referral.platform.inbox.Inbox;
import cn.referral.platform.messaging.EventConsumers;
import cn.referral.quota.adapter.in.messaging.ReferralEventsV1.ReferralRefV1;
import cn.referral.quota.adapter.in.messaging.ReferralEventsV1.SubmittedV1;
import cn.referral.quota.application.port.in.HoldUseCases;
import cn.referral.quota.application.port.in.Placement;
import cn.referral.quota.application.port.in.SubmittedReferral;
import cn.referral.quota.domain.Urgency;
import cn.referral.quota.domain.pool.CareType;
import cn.referral.quota.domain.pool.HoldRequest;
import cn.referral.quota.domain.pool.ReleaseReason;
import cn.referral.quota.domain.pool.Resource;
import reactor.core.publisher.Mono;

/** Referral lifecycle events drive the ledger: submitted holds, accepted confirms, the exits release. */
@Configuration(proxyBeanMethods = false)
class ReferralEventConsumers {

    /** Bound to {@code referral.events.v1} as {@code referralEvents-in-0}. */
    @Bean
    Consumer<Message<byte[]>> referralEvents(EventConsumers consumers, HoldUseCases holds) {
        return consumers.consumer("quota-ledger")
                .on(ReferralTopics.SUBMITTED, SubmittedV1.class,
                        // a delivery the inbox took over from an abandoned one also takes over its placement
                        (event, submitted) -> Mono.deferContextual(context -> holds.place(toRequest(event, submitted),
                                        Inbox.takenOverAt(context).orElse(null)))
                                .doOnNext(placement -> {
                                    if (placement == Placement.IN_PROGRESS) {
                                        // not done: the binder delivers it again, by then placed or stale
                                        throw new EventInProgressException("quota-ledger", event.id());
                                    }
                                }))
                .on(ReferralTopics.ACCEPTED, ReferralRefV1.class,
                        (event, accepted) -> holds.confirm(referralId(event, accepted)))
                .on(ReferralTopics.REJECTED, ReferralRefV1.class,
                        (event, rejected) -> release(event, rejected, ReleaseReason.REJECTED, holds))
                .on(ReferralTopics.CANCELLED, ReferralRefV1.class,
                        (event, cancelled) -> release(event, cancelled, ReleaseReason.CANCELLED, holds))
                .on(ReferralTopics.EXPIRED, ReferralRefV1.class,
                        (event, expired) -> release(event, expired, ReleaseReason.EXPIRED, holds))
                .build();
    }

    private static Mono<Void> release(IncomingEvent event, ReferralRefV1 payload, ReleaseReason reason,
                                      HoldUseCases holds) {
        return holds.release(referralId(event, payload), reason);
    }

    private static SubmittedReferral toRequest(IncomingEvent event, SubmittedV1 submitted) {
        try {
            HoldRequest request = new HoldRequest(new ReferralId(submitted.referralId()),
                    new InstitutionId(submitted.toInstitutionId()),
                    submitted.toDepartment(), Resource.neededFor(CareType.valueOf(submitted.careType())),
                    Urgency.valueOf(submitted.urgency()), Boolean.TRUE.equals(submitted.contracted()), false,
                    submitted.requestedFrom(), submitted.requestedUntil(), submitted.acceptBy());
            return new SubmittedReferral(request, submitted.patientRef(),
                    knownInstitution(submitted.fromInstitutionId()));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type()
                    + ") lacks a field the ledger needs: " + e.getMessage());
        }
    }

    private static ReferralId referralId(IncomingEvent event, ReferralRefV1 payload) {
        if (payload.referralId() == null || payload.referralId().isBlank()) {
            throw new MalformedEventException("Event " + event.id() + " (" + event.type() + ") has no referralId");
        }
        return new ReferralId(payload.referralId());
    }

    /** The referring institution is optional: without it no contract is looked up. */
    private static InstitutionId knownInstitution(String institutionId) {
        return Identifier.ofValueOrNull(institutionId, InstitutionId::new);
    }
}
