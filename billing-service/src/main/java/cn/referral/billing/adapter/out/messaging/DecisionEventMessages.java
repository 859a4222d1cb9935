package cn.referral.billing.adapter.out.messaging;

import org.springframework.stereotype.Component;

import cn.referral.billing.application.port.in.IssuedDecision;
import cn.referral.billing.domain.Fen;
import cn.referral.billing.domain.decision.DecisionEvent;
import cn.referral.billing.domain.decision.DeductibleAssessment;
import cn.referral.billing.domain.decision.DeductibleDecision;
import cn.referral.platform.domain.ReferralId;
import cn.referral.platform.events.EventFactory;
import cn.referral.platform.events.published.BillingTopics;

/** Maps decision domain events to the wire messages insurers read, as outbox events keyed by referral id. */
@Component
public class DecisionEventMessages extends DecisionsTopicMessages<DecisionEvent> {

    public DecisionEventMessages(EventFactory events) {
        super(events);
    }

    @Override
    protected WireRecord wire(DecisionEvent event) {
        ReferralId referralId = event.decision().referralId();
        if (event instanceof DecisionEvent.Revoked revoked) {
            return new WireRecord(referralId, BillingTopics.DECISION_REVOKED, revoked(revoked));
        }
        return new WireRecord(referralId, BillingTopics.DECISION_ISSUED, issued(event.decision()));
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
