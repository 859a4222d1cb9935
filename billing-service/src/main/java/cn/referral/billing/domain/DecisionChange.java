package cn.referral.billing.domain;

import java.util.List;

/** A decision's new state and the events that change caused, stored together in one write. */
public record DecisionChange(DeductibleDecision decision, List<DecisionEvent> events) {

    public DecisionChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
