package cn.referral.registry.domain.institution;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/** What happened to an institution, each with the institution after the change. */
public sealed interface InstitutionEvent extends RegistryEvent<Institution> {

    /** A new institution joined the referral network. */
    record Registered(Institution record, Instant occurredAt) implements InstitutionEvent {
    }

    /** Its details (name, level, departments, 片区, 定点 code) were revised. */
    record Revised(Institution record, Instant occurredAt) implements InstitutionEvent {
    }

    /** Closed or no longer in the referral network: kept for history, no longer a referral target. */
    record Deactivated(Institution record, Instant occurredAt) implements InstitutionEvent {
    }

    /** Registered in error: withdrawn from every copy. */
    record Removed(Institution record, Instant occurredAt) implements InstitutionEvent, RegistryEvent.Withdrawal<Institution> {
    }
}
