package cn.referral.billing.domain.filing;

import java.util.List;

/** A filing's new state and the events that change caused, stored together in one write. */
public record FilingChange(TransferFiling filing, List<FilingEvent> events) {

    public FilingChange {
        events = List.copyOf(events);
    }

    public boolean changed() {
        return !events.isEmpty();
    }
}
