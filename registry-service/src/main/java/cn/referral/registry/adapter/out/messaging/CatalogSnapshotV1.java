package cn.referral.registry.adapter.out.messaging;

import java.util.List;

/** Wire record of {@code registry.catalog.v1} on the compacted topic {@code registry.catalogs.v1}, keyed by catalog id. */
public record CatalogSnapshotV1(String catalogId, String name, String direction, String targetLevel, long version,
                                String effectiveFrom, boolean active, List<Entry> entries) {

    /** {@code code}: an ICD-10 code or prefix; {@code careTypes} empty = every care type. */
    public record Entry(String code, String name, List<String> careTypes) {
    }
}
