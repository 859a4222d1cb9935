package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Wire record of {@code registry.catalog.v1} on the compacted topic {@code registry.catalogs.v1}, keyed by catalog id.
 * {@code occurredAt} (added): when the change that led to this snapshot happened.
 */
public record CatalogSnapshotV1(String catalogId, String name, String direction, String targetLevel, long version,
                                String effectiveFrom, boolean active, List<Entry> entries, Instant occurredAt) {

    /** {@code code}: an ICD-10 code or prefix; {@code careTypes} empty = every care type. */
    public record Entry(String code, String name, List<String> careTypes) {
    }
}
