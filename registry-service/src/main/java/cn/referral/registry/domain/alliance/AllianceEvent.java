package cn.referral.registry.domain.alliance;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/** What happened to a medical alliance (医联体), each with the alliance after the change. */
public sealed interface AllianceEvent extends RegistryEvent<Alliance> {

    /** A new alliance was formed: its leads, hub, members and grid. */
    record Formed(Alliance record, Instant occurredAt) implements AllianceEvent {
    }

    /** Its leads, hub, members or 片区 grid were revised. */
    record Revised(Alliance record, Instant occurredAt) implements AllianceEvent {
    }

    /** No longer active: kept for history, its grid cells free for another alliance. */
    record Deactivated(Alliance record, Instant occurredAt) implements AllianceEvent {
    }

    /** Recorded in error: withdrawn from every copy. */
    record Removed(Alliance record, Instant occurredAt) implements AllianceEvent, RegistryEvent.Withdrawal<Alliance> {
    }
}
