package cn.referral.registry.domain.practitioner;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/** What happened to a practitioner, each with the practitioner after the change. */
public sealed interface PractitionerEvent extends RegistryEvent<Practitioner> {

    /** The practitioner was registered at their institution. */
    record Registered(Practitioner record, Instant occurredAt) implements PractitionerEvent {
    }

    /** Their name, role, title or department was revised; they still work at the same institution. */
    record Revised(Practitioner record, Instant occurredAt) implements PractitionerEvent {
    }

    /** They left the institution or no longer practise there: kept for history, no longer a handover's doctor. */
    record Deactivated(Practitioner record, Instant occurredAt) implements PractitionerEvent {
    }

    /** Registered in error: withdrawn from every copy. */
    record Removed(Practitioner record, Instant occurredAt)
            implements PractitionerEvent, RegistryEvent.Withdrawal<Practitioner> {
    }
}
