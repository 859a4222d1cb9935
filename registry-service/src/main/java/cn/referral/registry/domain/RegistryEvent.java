package cn.referral.registry.domain;

import java.time.Instant;

/**
 * Something that happened to a registry record, in domain words. Other services keep a copy of every
 * record, so each event carries the record as it is after the change ({@code version} is its version
 * then) and when it happened ({@code occurredAt}, from the service's clock). Each kind of record has its
 * own sealed set: {@code InstitutionEvent}, {@code AllianceEvent}, {@code CatalogEvent}, {@code ContractEvent},
 * {@code PractitionerEvent}.
 *
 * @param <T> the kind of record
 */
public interface RegistryEvent<T extends RegistryRecord<?>> {

    /** The record after the change. */
    T record();

    Instant occurredAt();

    /** The record's version after the change. */
    default long version() {
        return record().version();
    }

    /** A record registered in error and withdrawn from every copy, not just made inactive. */
    interface Withdrawal<T extends RegistryRecord<?>> extends RegistryEvent<T> {
    }
}
