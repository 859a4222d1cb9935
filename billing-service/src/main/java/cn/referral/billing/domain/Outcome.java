package cn.referral.billing.domain;
import cn.referral.billing.domain.filing.FilingEvent;
import cn.referral.billing.domain.filing.TransferFiling;

import java.util.List;

/**
 * An aggregate's state after a command and the events it caused, stored together in one write: the one
 * shape of a state change in every service ({@code state}, {@code events}, {@code changed}). Billing's
 * two aggregates have their own events, hence the second type: {@code Outcome<DeductibleDecision, DecisionEvent>},
 * {@code Outcome<TransferFiling, FilingEvent>}.
 */
public record Outcome<T, E>(T state, List<E> events) {

    public Outcome {
        events = List.copyOf(events);
    }

    /** Whether anything changed: a command with no effect (e.g. revoking twice) causes no event. */
    public boolean changed() {
        return !events.isEmpty();
    }
}
