package cn.referral.registry.domain.catalog;

import java.time.Instant;

import cn.referral.registry.domain.RegistryEvent;

/** What happened to an up- or down-referral disease catalog, each with the catalog after the change. */
public sealed interface CatalogEvent extends RegistryEvent<DiseaseCatalog> {

    /** A new catalog was published, in effect from its date. */
    record Published(DiseaseCatalog record, Instant occurredAt) implements CatalogEvent {
    }

    /** Its entries, target level or effective date were revised. */
    record Revised(DiseaseCatalog record, Instant occurredAt) implements CatalogEvent {
    }

    /** No longer governs referrals: kept for history. */
    record Deactivated(DiseaseCatalog record, Instant occurredAt) implements CatalogEvent {
    }

    /** Published in error: withdrawn from every copy. */
    record Removed(DiseaseCatalog record, Instant occurredAt) implements CatalogEvent, RegistryEvent.Withdrawal<DiseaseCatalog> {
    }
}
