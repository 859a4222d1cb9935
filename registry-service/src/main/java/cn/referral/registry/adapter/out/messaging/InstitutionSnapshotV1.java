package cn.referral.registry.adapter.out.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Wire record of {@code registry.institution.v1} on the compacted topic {@code registry.institutions.v1}:
 * the full current state of one institution, keyed by its id. Fields are only ever added
 * ({@code medinsCode}, the 定点医药机构编号, may be null; {@code occurredAt}, when the change that led to this
 * snapshot happened, is absent from snapshots written before it was added).
 */
public record InstitutionSnapshotV1(String institutionId, String name, String organisationCode, String level,
                                    String kind, String regionCode, List<String> departments, String gridArea,
                                    boolean active, long version, String medinsCode,
                                    Instant occurredAt) {
}
