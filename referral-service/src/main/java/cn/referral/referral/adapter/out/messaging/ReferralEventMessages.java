package cn.referral.referral.adapter.out.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.published.ReferralTopics;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.AcceptedV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.ArrivedV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.CancelledV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.Common;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.CompletedV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.EscalatedV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.ExpiredV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.InsuranceV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.NoShowV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.RejectedV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.SourceEpisodeV1;
import cn.referral.referral.adapter.out.messaging.ReferralMessagesV1.SubmittedV1;
import cn.referral.referral.domain.referral.Insurance;
import cn.referral.referral.domain.referral.Referral;
import cn.referral.referral.domain.referral.ReferralEvent;
import cn.referral.referral.domain.referral.ReferralRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps referral domain events to the {@code referral.events.v1} messages quota and billing read. */
@Component
public class ReferralEventMessages {

    private final EventFactory events;

    public ReferralEventMessages(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(Referral referral, List<ReferralEvent> domainEvents) {
        return Flux.fromIterable(domainEvents)
                .map(event -> wire(referral, event))
                .concatMap(wire -> events.event(ReferralTopics.REFERRAL_EVENTS, wire.type(), referral.id().value(),
                        wire.payload()))
                .collectList();
    }

    /** A message and its {@code ce_type}. */
    record Wire(String type, Object payload) {
    }

    static Wire wire(Referral referral, ReferralEvent event) {
        Common common = common(referral, event);
        ReferralRequest request = referral.request();
        if (event instanceof ReferralEvent.Submitted e) {
            return new Wire(ReferralTopics.SUBMITTED, new SubmittedV1(common, request.diagnosis().code(),
                    request.requestedWindow().from(), request.requestedWindow().until(), e.acceptBy()));
        }
        if (event instanceof ReferralEvent.Accepted e) {
            return new Wire(ReferralTopics.ACCEPTED, new AcceptedV1(common, e.appointmentAt(), e.occurredAt(),
                    insurance(request.patient().insurance()), request.sourceEpisode() == null ? null
                    : new SourceEpisodeV1(request.sourceEpisode().admissionDate(),
                            request.sourceEpisode().dischargedOn(), request.sourceEpisode().deductiblePaidFen()),
                    referral.eligibility().overridden() ? "OVERRIDE" : "CATALOG",
                    request.diagnosis().code(), request.diagnosis().name(), request.reason(),
                    request.clinicalSummary()));
        }
        if (event instanceof ReferralEvent.Rejected e) {
            return new Wire(ReferralTopics.REJECTED, new RejectedV1(common, e.reason().name(), e.note()));
        }
        if (event instanceof ReferralEvent.Cancelled e) {
            return new Wire(ReferralTopics.CANCELLED, new CancelledV1(common, e.reason().name()));
        }
        if (event instanceof ReferralEvent.Expired) {
            return new Wire(ReferralTopics.EXPIRED, new ExpiredV1(common));
        }
        if (event instanceof ReferralEvent.Escalated e) {
            return new Wire(ReferralTopics.ESCALATED, new EscalatedV1(common, e.deadline()));
        }
        if (event instanceof ReferralEvent.Arrived e) {
            return new Wire(ReferralTopics.ARRIVED, new ArrivedV1(common, e.occurredAt()));
        }
        if (event instanceof ReferralEvent.NoShow e) {
            return new Wire(ReferralTopics.NO_SHOW, new NoShowV1(common, e.appointmentAt()));
        }
        if (event instanceof ReferralEvent.Completed e) {
            return new Wire(ReferralTopics.COMPLETED, new CompletedV1(common, e.outcome().name(),
                    e.downReferralRecommended()));
        }
        throw new IllegalArgumentException("no message for " + event.getClass().getSimpleName());
    }

    private static Common common(Referral referral, ReferralEvent event) {
        ReferralRequest request = referral.request();
        return new Common(referral.id().value(), request.direction().name(), request.careType().name(),
                request.urgency().name(), request.fromInstitutionId().value(), request.toInstitutionId().value(),
                request.toDepartment(), request.patient().patientRef(), referral.contracted(), event.occurredAt(),
                event.version());
    }

    private static InsuranceV1 insurance(Insurance insurance) {
        return new InsuranceV1(insurance.scheme().name(), insurance.regionCode(), insurance.insuredPersonNo().value());
    }
}
