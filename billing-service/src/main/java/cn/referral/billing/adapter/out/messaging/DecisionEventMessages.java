package cn.referral.billing.adapter.out.messaging;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.in.IssuedDecision;
import cn.referral.billing.domain.DecisionEvent;
import cn.referral.billing.domain.DeductibleAssessment;
import cn.referral.billing.domain.DeductibleDecision;
import cn.referral.billing.domain.Fen;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.OutboxEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Maps decision domain events to the wire messages insurers read, as outbox events keyed by referral id. */
@Component
public class DecisionEventMessages {

    private final EventFactory events;

    public DecisionEventMessages(EventFactory events) {
        this.events = events;
    }

    public Mono<List<OutboxEvent>> toOutbox(List<DecisionEvent> domainEvents) {
        return Flux.fromIterable(domainEvents)
                .concatMap(this::toOutbox)
                .collectList();
    }

    private Mono<OutboxEvent> toOutbox(DecisionEvent event) {
        String key = event.decision().referralId().value();
        if (event instanceof DecisionEvent.Revoked revoked) {
            return events.event(BillingTopics.DECISIONS, BillingTopics.DECISION_REVOKED, key, revoked(revoked));
        }
        return events.event(BillingTopics.DECISIONS, BillingTopics.DECISION_ISSUED, key, issued(event.decision()));
    }

    public static DecisionIssuedV1 issued(DeductibleDecision decision) {
        return new DecisionIssuedV1(IssuedDecision.of(decision, decision.insuredPersonNo().value()), decision.version());
    }

    static DecisionRevokedV1 revoked(DecisionEvent.Revoked event) {
        DeductibleDecision decision = event.decision();
        DeductibleAssessment assessment = decision.assessment();
        return new DecisionRevokedV1(decision.decisionId().value(), decision.referralId().value(),
                event.reason().name(), event.occurredAt(), decision.region().value(), assessment.rule().name(),
                Fen.valueOrNull(assessment.standardDeductible()), Fen.valueOrNull(assessment.waived()),
                Fen.valueOrNull(assessment.payable()), event.version());
    }
}
