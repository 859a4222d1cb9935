package cn.referral.billing.adapter.out.messaging;

import java.util.List;

import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import cn.referral.platform.events.published.BillingTopics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Maps one aggregate's domain events, in the order they happened, to the wire records insurers read on
 * {@link BillingTopics#DECISIONS}, as outbox events keyed by referral id: every record of a referral lands on
 * one partition, in order. A subclass names the record of each event.
 */
public abstract class DecisionsTopicMessages<E> {

    private final EventFactory events;

    protected DecisionsTopicMessages(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(List<E> domainEvents) {
        return Flux.fromIterable(domainEvents)
                .map(this::wire)
                .concatMap(wire -> events.event(BillingTopics.DECISIONS, wire.type(), wire.referralId().value(),
                        wire.body()))
                .collectList();
    }

    /** The wire record of one domain event. */
    protected abstract WireRecord wire(E event);

    /** A wire record: the referral it is about (the key), its {@code ce_type}, and its body (a {@code …V1} record). */
    protected record WireRecord(ReferralId referralId, String type, Object body) {
    }
}
