package cn.referral.registry.domain.catalog;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;
import cn.referral.registry.domain.RegistryRecord;

/** What happened to an up- or down-referral disease catalog, each with the catalog after the change. */
public sealed interface CatalogEvent extends RegistryEvent {

    DiseaseCatalog catalog();

    @Override
    default RegistryRecord<?> record() {
        return catalog();
    }

    /** A new catalog was published, in effect from its date. */
    record Published(DiseaseCatalog catalog, Instant occurredAt) implements CatalogEvent {
    }

    /** Its entries, target level or effective date were revised. */
    record Revised(DiseaseCatalog catalog, Instant occurredAt) implements CatalogEvent {
    }

    /** No longer governs referrals: kept for history. */
    record Deactivated(DiseaseCatalog catalog, Instant occurredAt) implements CatalogEvent {
    }

    /** Published in error: withdrawn from every copy. */
    record Removed(DiseaseCatalog catalog, Instant occurredAt) implements CatalogEvent, RegistryEvent.Withdrawal {
    }
}
