package cn.referral.registry.domain.alliance;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;
import cn.referral.registry.domain.RegistryRecord;

/** What happened to a medical alliance (医联体), each with the alliance after the change. */
public sealed interface AllianceEvent extends RegistryEvent {

    Alliance alliance();

    @Override
    default RegistryRecord<?> record() {
        return alliance();
    }

    /** A new alliance was formed: its leads, hub, members and grid. */
    record Formed(Alliance alliance, Instant occurredAt) implements AllianceEvent {
    }

    /** Its leads, hub, members or 片区 grid were revised. */
    record Revised(Alliance alliance, Instant occurredAt) implements AllianceEvent {
    }

    /** No longer active: kept for history, its grid cells free for another alliance. */
    record Deactivated(Alliance alliance, Instant occurredAt) implements AllianceEvent {
    }

    /** Recorded in error: withdrawn from every copy. */
    record Removed(Alliance alliance, Instant occurredAt) implements AllianceEvent, RegistryEvent.Withdrawal {
    }
}
