package cn.referral.registry.domain;

import java.util.List;

/** The state of an institution after a change, and the events the change caused. */
public record InstitutionChange(Institution institution, List<InstitutionEvent> events) {

    public InstitutionChange {
        events = List.copyOf(events);
    }
}
