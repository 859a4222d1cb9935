package cn.referral.registry.domain.practitioner;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/**
 * What happened to a practitioner, with the practitioner after the change. Only a registration today: the
 * registry neither revises, deactivates nor removes a practitioner, so none is ever withdrawn (no tombstone).
 */
public sealed interface PractitionerEvent extends RegistryEvent<Practitioner> {

    /** The practitioner was registered at their institution. */
    record Registered(Practitioner record, Instant occurredAt) implements PractitionerEvent {
    }
}
